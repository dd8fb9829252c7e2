"""Run in a fresh process by ``dashboard_bench``: build a demo partnership in a temporary folder,
then time the dashboard pages through Django's request handler (server time, no network)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time


def main(quick: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from lineofsight.datasets import demo as datasets_demo
    from lineofsight.partnership import demo as partnership_demo
    from lineofsight.partnership.models import User
    from lineofsight.performance import demo as performance_demo

    call_command("migrate", interactive=False, verbosity=0)
    partnership_demo.load()
    if quick:
        datasets_demo.load(seed=5, scale=0.1, years=range(2019, 2022))
    else:
        datasets_demo.load(seed=5)
    performance_demo.load(seed=5)
    client = Client()
    client.force_login(User.objects.get(username="board"))
    pages = {"overview": "/performance/", "indicator": "/performance/rereferral_pct/"}
    timings: dict[str, list[float]] = {}
    repeats = 5 if quick else 30
    for name, url in pages.items():
        for _ in range(2):  # warm-up: template compilation, first queries
            assert client.get(url).status_code == 200
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(url)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200
        timings[name] = samples
    print(
        json.dumps(
            {
                name: {
                    "median": statistics.median(s),
                    "p95": sorted(s)[int(0.95 * (len(s) - 1))],
                    "n": len(s),
                }
                for name, s in timings.items()
            }
        )
    )


if __name__ == "__main__":
    main("--quick" in sys.argv)
