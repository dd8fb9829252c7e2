"""`lineofsight migrate` then `lineofsight serve`: gunicorn starts and answers the health check
and a static file, in a subprocess on a fresh SQLite installation."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from lineofsight.commands.serve import default_workers


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "lineofsight.cli", *args]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}")
        try:
            # as nginx forwards it: production settings redirect plain HTTP to HTTPS
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=5) as response:
                assert response.status == 200
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture
def installation(tmp_path):
    env = {**os.environ, "LINEOFSIGHT_VAR_DIR": str(tmp_path / "var")}
    env.pop("DATABASE_URL", None)
    return env


def test_serve_refuses_an_out_of_date_database(installation):
    done = subprocess.run(
        _cli("serve", "--workers", "1"), env=installation, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "run `lineofsight migrate` first" in done.stderr


@pytest.mark.parametrize(
    "settings_module", ["lineofsight.config.settings", "lineofsight.config.production"]
)
def test_serve_answers_the_health_check_and_static_files(installation, settings_module):
    installation["DJANGO_SETTINGS_MODULE"] = settings_module
    if settings_module.endswith("production"):
        installation.pop("REQUIRE_TWO_FACTOR", None)  # production refuses to switch it off
    migrated = subprocess.run(_cli("migrate"), env=installation, capture_output=True, text=True)
    assert migrated.returncode == 0, migrated.stderr
    assert "Database up to date" in migrated.stdout
    port = _free_port()
    process = subprocess.Popen(
        _cli("serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"),
        env=installation,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/health/", process)
        assert b'"ok"' in body
        css = _wait_for(f"http://127.0.0.1:{port}/static/lineofsight/site.css", process)
        assert len(css) > 100
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    assert "gunicorn" in output.lower() and "Booting worker" in output
    collected = installation["LINEOFSIGHT_VAR_DIR"] + "/static/lineofsight/site.css"
    assert os.path.exists(collected) == settings_module.endswith("production")


def test_workers_follow_the_core_count():
    assert default_workers() == 2 * (os.cpu_count() or 1) + 1
