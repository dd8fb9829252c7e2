"""Background tasks of the reports app (run by ``lineofsight worker``; docs/adr/0010)."""

from __future__ import annotations

from typing import Any

from lineofsight.background.compat import task


@task()
def generate_report(report_id: int) -> dict[str, Any]:
    """Generate one requested report.  Safe to run twice (a worker that died mid-way has its task
    run again): a report already complete is left as it is; otherwise it is generated afresh."""
    from lineofsight.reports.services import run_report

    report = run_report(report_id)
    return {"report": report.pk, "status": report.status}
