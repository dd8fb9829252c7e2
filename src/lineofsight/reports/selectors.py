"""Reads for reports and narratives, scoped to the user's partnership (aggregate records only:
no child-level data, so nothing here is audited as a read)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lineofsight.partnership.selectors import current_partnership
from lineofsight.reports import policies
from lineofsight.reports.models import Narrative, Report


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
