"""Audits and findings tagged with a learning theme, for the themes' recurrence page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from lineofsight.actions.theme_sources import Occurrence, register_theme_source


def audit_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    from lineofsight.assurance.models import Audit

    through = Audit.themes.through
    for row in through.objects.filter(learningtheme__in=themes).select_related("audit"):
        audit = row.audit
        yield Occurrence(
            row.learningtheme_id, "audit", audit.year, str(audit), audit.get_absolute_url()
        )


def finding_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    from lineofsight.assurance.models import Finding

    through = Finding.themes.through
    rows = through.objects.filter(learningtheme__in=themes).select_related("finding__audit")
    for row in rows:
        finding = row.finding
        yield Occurrence(
            row.learningtheme_id,
            "finding",
            finding.audit.year,
            f"{finding.audit.title}: {finding}",
            finding.get_absolute_url(),
        )


def register() -> None:
    register_theme_source(
        "audit", "multi-agency audit", "multi-agency audits", audit_occurrences, order=20
    )
    register_theme_source("finding", "audit finding", "audit findings", finding_occurrences, 25)
