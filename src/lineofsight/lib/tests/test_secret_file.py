import stat

from lineofsight.lib.secret_file import read_or_create


def test_created_once_private_and_then_reused(tmp_path):
    path = tmp_path / "nested" / "key"
    first = read_or_create(path)
    assert len(first) >= 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create(path) == first


def test_an_existing_secret_is_read_not_replaced(tmp_path):
    path = tmp_path / "key"
    path.write_text("kept-secret\n")
    assert read_or_create(path) == "kept-secret"
