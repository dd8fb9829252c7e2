"""A worker killed (SIGKILL) while running a task loses nothing: the next `lineofsight worker`
finds the task's worker silent for a lease and runs the task again, on a real SQLite file."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SHOW = """
import json, django; django.setup()
from django_tasks_db.models import DBTaskResult
print(json.dumps([[t.status, t.worker_ids, t.return_value] for t in DBTaskResult.objects.all()]))
"""
ENQUEUE = """
import sys, django; django.setup()
from tests.cli.held_task import hold
hold.enqueue(sys.argv[1])
"""


def _wait(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_task_of_a_killed_worker_is_run_by_the_next_worker(tmp_path):
    env = {
        **os.environ,
        "LINEOFSIGHT_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
        "TASK_WORKER_LEASE_SECONDS": "3",
        "PYTHONPATH": str(REPO),
    }
    env.pop("DATABASE_URL", None)
    cli = [sys.executable, "-m", "lineofsight.cli"]
    folder = tmp_path / "task"
    folder.mkdir()
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", ENQUEUE, str(folder)], env=env, check=True, cwd=REPO)

    first = subprocess.Popen([*cli, "worker", "--interval", "0.2"], env=env, cwd=REPO)
    try:
        _wait(lambda: (folder / "started-0").exists())
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    state = lambda: json.loads(  # noqa: E731
        subprocess.run(
            [sys.executable, "-c", SHOW], env=env, check=True, capture_output=True, text=True
        ).stdout
    )
    assert state()[0][0] == "RUNNING"  # left claimed by the dead worker

    (folder / "release").touch()
    time.sleep(3.5)  # the dead worker's lease runs out
    second = subprocess.run(
        [*cli, "worker", "--batch"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert second.returncode == 0, second.stderr
    [(status, worker_ids, value)] = state()
    assert status == "SUCCESSFUL" and value == "released"
    assert len(worker_ids) == 2 and (folder / "started-1").exists()


def test_demo_starts_a_worker_beside_the_server_and_stops_it(tmp_path, monkeypatch):
    from lineofsight.commands.demo import start_worker, stop_worker

    monkeypatch.setenv("LINEOFSIGHT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    subprocess.run(
        [sys.executable, "-m", "lineofsight.cli", "migrate"], check=True, capture_output=True
    )
    worker = start_worker(stdout=subprocess.PIPE)
    assert worker.stdout is not None
    ready = worker.stdout.readline().decode()  # said once its stop signal is handled
    assert "waiting for tasks" in ready, ready
    assert worker.poll() is None  # running, waiting for tasks
    stop_worker(worker)
    assert worker.returncode == 0  # stopped gracefully by SIGTERM
