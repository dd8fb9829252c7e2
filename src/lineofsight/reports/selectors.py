"""Reads for reports and narratives, scoped to the user's partnership (aggregate records only:
no child-level data, so nothing here is audited as a read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from lineofsight.background.selectors import uses_database_queue, worker_running
from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance.selectors import latest_complete_run
from lineofsight.reports import policies
from lineofsight.reports.models import Narrative, Report
from lineofsight.reports.registry import sections


def reports_for(user: Any) -> QuerySet[Report]:
    policies.require(user, policies.can_view_reports(user), "reports.view")
    return Report.objects.filter(partnership=current_partnership()).select_related("generated_by")


def report_for(user: Any, pk: int) -> Report:
    return reports_for(user).get(pk=pk)


def narratives_for(user: Any, period_label: str) -> dict[str, Narrative]:
    policies.require(user, policies.can_write_narrative(user), "reports.narrate")
    found = Narrative.objects.filter(partnership=current_partnership(), period_label=period_label)
    return {n.section: n for n in found}


def narrative(user: Any, section_key: str, period_label: str) -> Narrative | None:
    return narratives_for(user, period_label).get(section_key)


@dataclass(frozen=True)
class ReportState:
    """What the report page says beside the status: whether a worker is there to generate a
    queued report, and whether a finished one is still current (no figures recomputed, no
    narrative changed since)."""

    waiting_for_worker: bool  # queued or running, and no background worker is alive
    newer_figures: bool  # the indicators were recomputed after the report was generated
    changed_narratives: list[str]  # titles of sections whose narrative changed since


def report_state(report: Report) -> ReportState:
    pending = report.status in (Report.Status.QUEUED, Report.Status.RUNNING)
    waiting = pending and uses_database_queue() and not worker_running()
    newer, changed = False, []
    if report.status == Report.Status.COMPLETE:
        run = latest_complete_run(report.partnership)
        newer = run is not None and run.pk != report.inputs.get("compute_run")
        used = report.inputs.get("narrative_versions", {})
        current = Narrative.objects.filter(
            partnership=report.partnership, period_label=report.period_label
        )
        if report.edition == Report.Edition.PUBLISHED:
            current = current.filter(status=Narrative.Status.APPROVED)
        now = {n.section: n.version for n in current}
        titles = {s.key: s.title for s in sections(report.kind)}
        changed = [
            titles[key]
            for key in titles
            if key in now or key in used
            if now.get(key) != used.get(key)
        ]
    return ReportState(waiting, newer, changed)
