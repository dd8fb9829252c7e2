"""Where the pseudonymisation key comes from, and the deploy check on it (issue 8 item 14)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from lineofsight.datasets import keys


@pytest.fixture
def clean_env(monkeypatch, tmp_path, settings):
    monkeypatch.delenv("PSEUDONYMISATION_KEY", raising=False)
    monkeypatch.delenv("PSEUDONYMISATION_KEY_FILE", raising=False)
    settings.VAR_DIR = tmp_path / "var"
    return monkeypatch


def test_default_key_in_the_var_folder_is_warned_about(clean_env, settings):
    assert keys.pseudonymisation_key()
    warnings = keys.key_beside_the_data()
    assert [w.id for w in warnings] == ["lineofsight.W001"]
    assert "PSEUDONYMISATION_KEY_FILE" in warnings[0].hint


def test_a_key_file_on_another_mount_is_used_and_not_warned_about(clean_env, tmp_path):
    path = tmp_path / "secrets" / "key"
    path.parent.mkdir()
    path.write_text("s" * 40 + "\n")
    clean_env.setenv("PSEUDONYMISATION_KEY_FILE", str(path))
    assert keys.pseudonymisation_key() == b"s" * 40
    assert keys.key_beside_the_data() == []


def test_a_key_file_inside_the_var_folder_is_still_warned_about(clean_env, settings):
    path = settings.VAR_DIR / "keys" / "key"
    path.parent.mkdir(parents=True)
    path.write_text("s" * 40)
    clean_env.setenv("PSEUDONYMISATION_KEY_FILE", str(path))
    assert [w.id for w in keys.key_beside_the_data()] == ["lineofsight.W001"]


def test_a_missing_key_file_is_an_error_not_a_new_key(clean_env, tmp_path):
    clean_env.setenv("PSEUDONYMISATION_KEY_FILE", str(tmp_path / "absent"))
    with pytest.raises(ImproperlyConfigured, match="does not exist"):
        keys.pseudonymisation_key()
    assert not (tmp_path / "absent").exists()


def test_a_short_key_is_refused(clean_env, tmp_path):
    path = tmp_path / "short"
    path.write_text("short")
    clean_env.setenv("PSEUDONYMISATION_KEY_FILE", str(path))
    with pytest.raises(ImproperlyConfigured, match="at least 32"):
        keys.pseudonymisation_key()
    clean_env.setenv("PSEUDONYMISATION_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 32"):
        keys.pseudonymisation_key()


def test_a_key_in_the_environment_is_not_warned_about(clean_env):
    clean_env.setenv("PSEUDONYMISATION_KEY", "e" * 40)
    assert keys.pseudonymisation_key() == b"e" * 40
    assert keys.key_beside_the_data() == []
