"""Audits and findings tagged with a learning theme, for the themes' recurrence page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from lineofsight.actions.theme_sources import Occurrence, register_theme_source, tagged


def audit_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    from lineofsight.assurance.models import Audit

    return tagged(
        Audit, themes, "audit", year=lambda a: a.year, title=str, url=lambda a: a.get_absolute_url()
    )


def finding_occurrences(themes: QuerySet[Any]) -> Iterable[Occurrence]:
    from lineofsight.assurance.models import Finding

    return tagged(
        Finding,
        themes,
        "finding",
        related="audit",
        year=lambda finding: finding.audit.year,
        title=lambda finding: f"{finding.audit.title}: {finding}",
        url=lambda finding: finding.get_absolute_url(),
    )


def register() -> None:
    register_theme_source(
        "audit", "multi-agency audit", "multi-agency audits", audit_occurrences, order=20
    )
    register_theme_source("finding", "audit finding", "audit findings", finding_occurrences, 25)
