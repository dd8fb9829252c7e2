"""Writes for reports and narratives: each audited in its own transaction.

``request_report`` records what was asked for and queues ``reports.tasks.generate_report``
once the request's transaction commits (the worker runs ``run_report``); the command line runs
``run_report`` at once (``background=False``).  ``run_report`` records its progress on the
``Report`` row as it goes, so the page can say how far it got, and a failure is stored with its
reason rather than lost.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lineofsight.audit.services import record_update, snapshot
from lineofsight.lib.audited import audited_create, audited_update
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.reports import policies, verbs
from lineofsight.reports.assemble import build, disclosure_log, parse_report_period
from lineofsight.reports.models import Narrative, Report
from lineofsight.reports.registry import section
from lineofsight.reports.render import FORMATS, render
from lineofsight.reviews.pseudonyms import check_free_text

logger = logging.getLogger(__name__)
NARRATIVE_FIELDS = ("done", "next", "impact")


def reports_dir() -> Path:
    path = Path(settings.VAR_DIR) / "reports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def request_report(
    *,
    actor: Any,
    partnership: Partnership,
    kind: str,
    period_label: str,
    edition: str,
    fmt: str,
    background: bool = True,
) -> Report:
    """Record the request (audited) and queue its generation (``background``) or generate it
    now; bad input is a ValidationError and stores nothing."""
    policies.require(actor, policies.can_generate_report(actor), "reports.manage")
    try:
        period = parse_report_period(kind, period_label, partnership.financial_year_start_month)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    if edition not in Report.Edition.values:
        raise ValidationError(f"Unknown edition {edition!r}: internal or published")
    if fmt not in FORMATS:
        raise ValidationError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    report = audited_create(
        actor=actor,
        instance=Report(
            partnership=partnership,
            kind=kind,
            period_label=period.label,
            edition=edition,
            format=fmt,
            generated_by=actor if getattr(actor, "is_authenticated", False) else None,
        ),
        verb=verbs.REPORT_REQUEST,
    )
    if not background:
        return run_report(report.pk)
    from lineofsight.reports.tasks import generate_report

    transaction.on_commit(lambda: generate_report.enqueue(report.pk))
    return report


# Progress (per cent) recorded on the Report row: sections are built between these two, the
# file is rendered after the last.
BUILD_FROM, BUILD_TO, RENDERED = 5, 70, 95


def _progress(report_id: int, done: int, total: int) -> None:
    share = BUILD_FROM + (BUILD_TO - BUILD_FROM) * done // max(total, 1)
    Report.objects.filter(pk=report_id).update(progress=share)


def run_report(report_id: int) -> Report:
    """Generate, store and record one requested report (what the background task runs).

    Run at least once: a report already complete is returned unchanged (a task run twice does
    the work once); a failed or half-done one is generated afresh."""
    report = Report.objects.select_related("partnership").get(pk=report_id)
    if report.status == Report.Status.COMPLETE:
        return report
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.RUNNING, progress=BUILD_FROM, message="", started_at=timezone.now()
    )
    try:
        document = build(
            report.partnership,
            report.kind,
            report.period_label,
            report.edition,
            progress=lambda done, total: _progress(report.pk, done, total),
        )
        Report.objects.filter(pk=report.pk).update(progress=BUILD_TO)
        data = render(document, report.format)
        Report.objects.filter(pk=report.pk).update(progress=RENDERED)
        name = (
            f"report-{report.pk}-{report.kind}-{report.period_label.replace(' ', '')}-"
            f"{report.edition}.{report.format}"
        )
        (reports_dir() / name).write_bytes(data)
        changes = {
            "status": Report.Status.COMPLETE,
            "progress": 100,
            "file_name": name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "inputs": document.inputs,
            "disclosure_log": disclosure_log(document),
            "finished_at": timezone.now(),
        }
    except Exception as error:  # the report records the failure; nothing else is lost
        logger.exception("report %s failed", report.pk)
        changes = {
            "status": Report.Status.FAILED,
            "message": f"{type(error).__name__}: {error}",
            "finished_at": timezone.now(),
        }
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(**changes)
        report.refresh_from_db()
        record_update(
            report.generated_by or SYSTEM,
            report,
            verbs.REPORT_GENERATE,
            after=snapshot(report, exclude=("disclosure_log", "inputs")),
        )
    return report


def report_file(report: Report) -> Path:
    return reports_dir() / report.file_name


def record_publication(
    *,
    actor: Any,
    report: Report,
    published_on: date,
    sent_to_panel_on: date | None,
    sent_to_foundations_on: date | None,
) -> Report:
    """Working Together 2023: the date published, and when it was sent to the Child
    Safeguarding Practice Review Panel and to Foundations (within 7 days)."""
    policies.require(actor, policies.can_record_publication(actor, report), "reports.manage")
    if report.edition != Report.Edition.PUBLISHED or report.status != Report.Status.COMPLETE:
        raise ValidationError("Only a complete published edition can be recorded as published")
    for sent in (sent_to_panel_on, sent_to_foundations_on):
        if sent is not None and sent < published_on:
            raise ValidationError("A report cannot be sent before it is published")
    with transaction.atomic():
        before = snapshot(report, exclude=("disclosure_log", "inputs"))
        report.published_on = published_on
        report.sent_to_panel_on = sent_to_panel_on
        report.sent_to_foundations_on = sent_to_foundations_on
        report.save(update_fields=["published_on", "sent_to_panel_on", "sent_to_foundations_on"])
        record_update(
            actor,
            report,
            verbs.REPORT_PUBLISH,
            before=before,
            after=snapshot(report, exclude=("disclosure_log", "inputs")),
        )
    return report


def _check_text(values: dict[str, str]) -> None:
    for name in NARRATIVE_FIELDS:
        try:
            check_free_text(values.get(name, ""))
        except ValidationError as error:
            raise ValidationError({name: error.messages}) from None


def save_narrative(
    *,
    actor: Any,
    partnership: Partnership,
    section_key: str,
    period_label: str,
    values: dict[str, str],
    expected_version: int | None = None,
) -> Narrative:
    """Write (or rewrite) a section's narrative for a period; a change to an approved or
    submitted narrative returns it to draft."""
    policies.require(actor, policies.can_write_narrative(actor), "reports.narrate")
    section(section_key)  # KeyError for an unknown section
    _check_text(values)
    author = actor if getattr(actor, "is_authenticated", False) else None
    existing = Narrative.objects.filter(
        partnership=partnership, section=section_key, period_label=period_label
    ).first()
    fields = {name: values.get(name, "") for name in NARRATIVE_FIELDS}
    if existing is None:
        return audited_create(
            actor=actor,
            instance=Narrative(
                partnership=partnership,
                section=section_key,
                period_label=period_label,
                author=author,
                **fields,
            ),
            verb=verbs.NARRATIVE_CREATE,
        )
    return audited_update(
        actor=actor,
        instance=existing,
        expected_version=expected_version if expected_version is not None else existing.version,
        changes={
            **fields,
            "status": Narrative.Status.DRAFT,
            "author": author,
            "approved_by": None,
            "approved_at": None,
            "updated_at": timezone.now(),
        },
        verb=verbs.NARRATIVE_UPDATE,
    )


def _move(
    *,
    actor: Any,
    narrative: Narrative,
    expected_version: int,
    expected: str,
    message: str,
    changes: dict[str, Any],
    verb: str,
) -> Narrative:
    """One step of the draft -> submitted -> approved workflow (audited, version-checked)."""
    if narrative.status != expected:
        raise ValidationError(message)
    return audited_update(
        actor=actor,
        instance=narrative,
        expected_version=expected_version,
        changes=changes,
        verb=verb,
    )


def submit_narrative(*, actor: Any, narrative: Narrative, expected_version: int) -> Narrative:
    policies.require(actor, policies.can_write_narrative(actor, narrative), "reports.narrate")
    return _move(
        actor=actor,
        narrative=narrative,
        expected_version=expected_version,
        expected=Narrative.Status.DRAFT,
        message="Only a draft can be submitted for approval",
        changes={"status": Narrative.Status.SUBMITTED},
        verb=verbs.NARRATIVE_SUBMIT,
    )


def approve_narrative(*, actor: Any, narrative: Narrative, expected_version: int) -> Narrative:
    """The business manager approves a submitted narrative for the published edition."""
    policies.require(actor, policies.can_approve_narrative(actor, narrative), "reports.approve")
    return _move(
        actor=actor,
        narrative=narrative,
        expected_version=expected_version,
        expected=Narrative.Status.SUBMITTED,
        message="Only a submitted narrative can be approved",
        changes={
            "status": Narrative.Status.APPROVED,
            "approved_by": actor if getattr(actor, "is_authenticated", False) else None,
            "approved_at": timezone.now(),
        },
        verb=verbs.NARRATIVE_APPROVE,
    )
