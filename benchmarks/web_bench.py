"""The performance pages under ``lineofsight serve`` (gunicorn) on PostgreSQL with concurrent
signed-in users (issue 10 target: p95 under 300 ms at 20 users on a 2-core machine).

A closed loop on loopback: each of ``USERS`` threads, signed in as its own board member, requests
the performance overview and an indicator page in turn, waiting for each answer, for a fixed time
(bounded: at most ``USERS`` requests in flight). Reported: requests per second and the 50th, 95th
and 99th percentile response times, for 1 user and for ``USERS``. The database is
``WEB_BENCH_DATABASE_URL`` (default: ``los_bench_web`` on the local PostgreSQL, created if
missing); the data are the synthetic demo borough (quick: a small one).
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any

USERS = 20
TARGET_P95_SECONDS = 0.3
PAGES = ("/performance/?period=2020-21", "/performance/rereferral_pct/?period=2020-21")
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/los_bench_web"


def _database_url() -> str:
    url = os.environ.get("WEB_BENCH_DATABASE_URL", DEFAULT_URL)
    name = url.rsplit("/", 1)[-1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    return url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(port: int, path: str, cookie: str) -> float:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    if response.status != 200 or b"Figures computed" not in body:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return time.perf_counter() - started


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("lineofsight serve exited")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("lineofsight serve did not start")


def load(port: int, cookies: list[str], seconds: float) -> dict[str, Any]:
    """Every user requests the pages in turn for ``seconds``; the latencies and throughput."""
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def user(number: int, cookie: str) -> None:
        turn = number
        mine = []
        while time.monotonic() < stop:
            try:
                mine.append(_get(port, PAGES[turn % len(PAGES)], cookie))
            except (OSError, RuntimeError) as exc:
                with lock:
                    errors.append(str(exc))
            turn += 1
        with lock:
            samples.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(n, c)) for n, c in enumerate(cookies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(samples)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return {
        "users": len(cookies),
        "requests": len(samples),
        "errors": len(errors),
        "rps": len(samples) / elapsed,
        "p50": statistics.median(ordered),
        "p95": pct(0.95),
        "p99": pct(0.99),
    }


def run(quick: bool) -> list[dict[str, Any]]:
    seconds = 5.0 if quick else 30.0
    url = _database_url()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "LINEOFSIGHT_VAR_DIR": folder,
            "REQUIRE_TWO_FACTOR": "false",
            "DATABASE_URL": url,
            "DB_CONN_MAX_AGE": "60",
        }
        prepared = subprocess.run(
            [sys.executable, "-m", "benchmarks.web_worker", str(USERS)]
            + (["--quick"] if quick else []),
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if prepared.returncode != 0:
            raise RuntimeError(f"preparing the data failed:\n{prepared.stderr[-3000:]}")
        cookies = json.loads(prepared.stdout.strip().splitlines()[-1])
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "lineofsight.cli", "serve", "--bind", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_until_up(port, server)
            for path in PAGES:  # warm-up: each worker process compiles templates and so on
                for cookie in cookies[:10]:
                    _get(port, path, cookie)
            results = [load(port, cookies[:1], seconds / 2), load(port, cookies, seconds)]
        finally:
            server.terminate()
            server.wait(timeout=60)
    load_average = os.getloadavg()
    rows = []
    for result in results:
        many = result["users"] == USERS
        rows.append(
            {
                "case": f"overview + indicator page, {result['users']} signed-in user(s), p95",
                "records": result["requests"],
                "seconds": result["p95"],
                "records_per_s": result["rps"],
                "target": "p95 < 300 ms at 20 users" if many else "",
                "met": result["p95"] < TARGET_P95_SECONDS and not result["errors"]
                if many
                else None,
                "notes": [
                    f"{result['rps']:.1f} requests/s; p50 {result['p50'] * 1000:.0f} ms, p95 "
                    f"{result['p95'] * 1000:.0f} ms, p99 {result['p99'] * 1000:.0f} ms; "
                    f"{result['errors']} errors; gunicorn on PostgreSQL, loopback; load average "
                    f"{load_average[0]:.1f} (CPU shared)"
                ],
            }
        )
    return rows
