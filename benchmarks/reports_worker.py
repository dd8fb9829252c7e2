"""Run in fresh processes by ``reports_bench``: ``setup`` builds the demo partnership in the
temporary folder; ``render FORMAT`` times the 2020-21 annual report (published edition: every
section, table and chart, disclosure control included) in that format and reports the process's
peak memory."""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    import django

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def setup(quick: bool) -> None:
    _django()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils.module_loading import import_string

    from lineofsight.datasets import demo as datasets_demo
    from lineofsight.partnership import demo as partnership_demo

    call_command("migrate", interactive=False, verbosity=0)
    partnership_demo.load()
    if quick:
        datasets_demo.load(seed=5, scale=0.1, years=range(2019, 2022))
    for dotted in settings.DEMO_LOADERS:  # the full borough, indicators, learning, narratives
        import_string(dotted)(seed=5)


def render(fmt: str) -> None:
    _django()
    from lineofsight.partnership.selectors import current_partnership
    from lineofsight.reports.assemble import build
    from lineofsight.reports.render import render as render_report

    partnership = current_partnership()
    assert partnership is not None, "setup did not create the demo partnership"
    started, cpu = time.perf_counter(), time.process_time()
    document = build(partnership, "annual", "2020-21", "published")
    data = render_report(document, fmt)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "peak_mb": peak_kb / 1024,
                "bytes": len(data),
                "sections": len(document.sections),
                "tables": len(document.tables()),
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup("--quick" in sys.argv)
    else:
        render(sys.argv[2])
