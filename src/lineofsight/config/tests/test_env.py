import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from lineofsight.config.env import database_url, env_bool, env_choice, env_int, env_list, secret_key


@pytest.mark.parametrize(
    "raw,expected",
    [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False), ("", False)],
)
def test_env_bool_reads_common_spellings(raw, expected):
    assert env_bool("X", default=not expected, environ={"X": raw}) is expected


def test_env_bool_refuses_a_typo_instead_of_guessing():
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        env_bool("DEBUG", False, environ={"DEBUG": "ture"})


def test_env_bool_default_when_unset():
    assert env_bool("X", True, environ={}) is True


def test_env_int_validates_number_and_minimum():
    assert env_int("N", 5, environ={"N": " 7 "}) == 7
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("N", 5, environ={"N": "seven"})
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("N", 5, environ={"N": "0"}, minimum=1)


def test_env_list_splits_and_refuses_empty_items():
    assert env_list("H", [], environ={"H": "a.example, b.example"}) == ["a.example", "b.example"]
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        env_list("H", [], environ={"H": "a.example,,b"})


def test_env_choice():
    assert env_choice("L", "INFO", ("INFO", "DEBUG"), environ={"L": "DEBUG"}) == "DEBUG"
    with pytest.raises(ImproperlyConfigured, match="must be one of"):
        env_choice("L", "INFO", ("INFO", "DEBUG"), environ={"L": "LOUD"})


def test_database_url_defaults_to_sqlite_under_var(tmp_path):
    assert database_url({}, tmp_path) == f"sqlite:///{tmp_path / 'lineofsight.sqlite3'}"


def test_database_url_accepts_postgres_and_refuses_others(tmp_path):
    assert database_url({"DATABASE_URL": "postgres://u@127.0.0.1:5432/db"}, tmp_path).startswith(
        "postgres"
    )
    with pytest.raises(ImproperlyConfigured, match="sqlite:// or postgres://"):
        database_url({"DATABASE_URL": "mysql://root@localhost/db"}, tmp_path)


def test_secret_key_generated_once_and_kept_private(tmp_path):
    first = secret_key({}, tmp_path)
    assert len(first) >= 50
    assert secret_key({}, tmp_path) == first
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600


def test_secret_key_from_environment_must_be_strong(tmp_path):
    strong = "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789"
    assert secret_key({"SECRET_KEY": strong}, tmp_path) == strong
    with pytest.raises(ImproperlyConfigured, match="at least 50"):
        secret_key({"SECRET_KEY": "short"}, tmp_path)
