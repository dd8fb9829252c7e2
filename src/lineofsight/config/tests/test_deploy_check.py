import os
import subprocess
import sys

import pytest


def _deploy_check(env):
    env.pop("DATABASE_URL", None)
    env.pop("REQUIRE_TWO_FACTOR", None)  # the test run switches it off; production may not
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_with_production_settings(tmp_path):
    key = tmp_path / "secrets" / "pseudonymisation_key"
    key.parent.mkdir()
    key.write_text("k" * 40)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.production",
        "SECRET_KEY": "a-very-long-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "safeguarding.example.org",
        "LINEOFSIGHT_VAR_DIR": str(tmp_path / "var"),
        "PSEUDONYMISATION_KEY_FILE": str(key),
    }
    env.pop("PSEUDONYMISATION_KEY", None)
    result = _deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_the_key_sits_in_the_var_folder(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.production",
        "SECRET_KEY": "a-very-long-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "safeguarding.example.org",
        "LINEOFSIGHT_VAR_DIR": str(tmp_path / "var"),
    }
    env.pop("PSEUDONYMISATION_KEY", None)
    env.pop("PSEUDONYMISATION_KEY_FILE", None)
    result = _deploy_check(env)
    assert result.returncode != 0
    assert "lineofsight.W001" in result.stderr + result.stdout
    assert "inside the var folder" in result.stderr + result.stdout


def _load_settings(monkeypatch, tmp_path, **environ):
    """A fresh run of the settings module with this environment (Django's own copy untouched)."""
    import runpy

    for name in ("DEBUG", "REQUIRE_TWO_FACTOR", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LINEOFSIGHT_VAR_DIR", str(tmp_path))
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    from lineofsight.config import settings

    return runpy.run_path(settings.__file__)


def test_debug_is_off_unless_asked(monkeypatch, tmp_path):
    loaded = _load_settings(monkeypatch, tmp_path)
    assert loaded["DEBUG"] is False and loaded["REQUIRE_TWO_FACTOR"] is True
    assert _load_settings(monkeypatch, tmp_path, DEBUG="false")["DEBUG"] is False


def test_debug_is_on_when_asked_and_two_factor_follows(monkeypatch, tmp_path):
    loaded = _load_settings(monkeypatch, tmp_path, DEBUG="true")
    assert loaded["DEBUG"] is True and loaded["REQUIRE_TWO_FACTOR"] is False
    loaded = _load_settings(monkeypatch, tmp_path, DEBUG="1", REQUIRE_TWO_FACTOR="on")
    assert loaded["DEBUG"] is True and loaded["REQUIRE_TWO_FACTOR"] is True


def test_a_misspelt_debug_stops_the_settings_loading(monkeypatch, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        _load_settings(monkeypatch, tmp_path, DEBUG="ture")


def test_serving_static_files_starts_without_a_missing_folder_warning():
    import warnings

    from whitenoise.middleware import WhiteNoiseMiddleware

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        middleware = WhiteNoiseMiddleware(lambda request: None)
    assert [str(w.message) for w in caught] == []
    assert middleware.use_finders  # the apps' static folders are served
