"""Build a report: every registered section for the kind, disclosure control on every table and
chart (published edition), charts drawn from the protected figures, narratives pulled in, and
the inputs recorded so the same inputs give the same figures."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict
from datetime import date

from django.utils import timezone

from lineofsight import disclosure
from lineofsight.calendar.years import APRIL
from lineofsight.charts import SpcPoint, benchmark_chart, spc_chart
from lineofsight.indicators import catalogue
from lineofsight.indicators.periods import Period, financial_year, own_quarters
from lineofsight.partnership.models import Partnership
from lineofsight.performance.selectors import latest_complete_run
from lineofsight.reports.content import (
    ChartBlock,
    Narrative,
    ReportDocument,
    SectionContent,
    TableBlock,
)
from lineofsight.reports.models import Narrative as NarrativeRecord
from lineofsight.reports.registry import SectionRequest, sections

ANNUAL = re.compile(r"^(\d{4})-(\d{2})$")
# "2021Q1", "2021-22 Q1" or "2021 Q1": quarter 1 of the partnership's year starting in 2021
QUARTERLY = re.compile(r"^(\d{4})(?:-(\d{2}))? ?Q([1-4])$")


def parse_report_period(kind: str, label: str, year_start_month: int = APRIL) -> Period:
    """``annual`` "2020-21" (the financial year, April to March: DfE's year); ``quarterly``
    "2021Q1", "2021-22 Q1" or "2021 Q1": a quarter of the partnership's own year
    (``Partnership.financial_year_start_month``, any month; ``calendar.years``) starting in
    ``year_start_month`` of 2021, labelled as the engine labels it (``periods.own_quarters``).

    With April, "2021Q1" is April to June 2021, "2021-22 Q1"; with July it is July to September
    2021, "2021-22 Q1"; with January it is January to March 2021, "2021 Q1".
    """
    label = label.strip()
    if kind == "annual":
        match = ANNUAL.match(label)
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise ValueError(f"{label!r} is not a financial year: write it like 2020-21")
        return financial_year(int(match[1]))
    if kind == "quarterly":
        match = QUARTERLY.match(label)
        if not match or (match[2] is not None and (int(match[1]) + 1) % 100 != int(match[2])):
            raise ValueError(
                f"{label!r} is not a quarter: write it like 2021Q1 (the first quarter of the "
                "year starting in 2021)"
            )
        return own_quarters(int(match[1]), year_start_month)[int(match[3]) - 1]
    raise ValueError(f"Unknown report kind {kind!r}: quarterly or annual")


def _narrative(
    partnership: Partnership, key: str, period: Period, edition: str
) -> NarrativeRecord | None:
    record = NarrativeRecord.objects.filter(
        partnership=partnership, section=key, period_label=period.label
    ).first()
    if record is None:
        return None
    if edition == "published" and record.status != NarrativeRecord.Status.APPROVED:
        return None
    return record


def _protect(block: TableBlock | ChartBlock, edition: str) -> None:
    block.published = (
        disclosure.protect(block.table)
        if edition == "published"
        else disclosure.unprotected(block.table)
    )


def _draw(block: ChartBlock, chart_id: str) -> None:
    assert block.published is not None
    table, shown = block.table, block.published
    if block.kind == "line":
        series = [
            (name, [shown.value((r, c)) for r in range(len(table.row_labels))])
            for c, name in enumerate(table.columns)
        ]
        block.svg = benchmark_chart(
            table.row_labels,
            series,
            title=table.title,
            description=block.description,
            unit_suffix=block.unit_suffix,
            chart_id=chart_id,
        )
        return
    gaps = any(position in shown.hidden for _, position in block.points)
    description = block.description
    if gaps:
        description += (
            " Months with fewer than 6 are suppressed (c), so the mean and process limits "
            "are not drawn."
        )
        block.description = description
    points = [
        SpcPoint(
            label=label,
            value=shown.value(position),
            mean=None if gaps else limits[0],
            upper=None if gaps else limits[1],
            lower=None if gaps else limits[2],
            signal=None if gaps else limits[3],
        )
        for (label, position), limits in zip(block.points, block.spc, strict=True)
    ]
    block.svg = spc_chart(
        points,
        title=table.title,
        description=description,
        target=block.target,
        unit_suffix=block.unit_suffix,
        chart_id=chart_id,
    )


def build(
    partnership: Partnership,
    kind: str,
    period_label: str,
    edition: str,
    only: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReportDocument:
    """The report's content; ``progress(done, total)`` is called after each section."""
    period = parse_report_period(kind, period_label, partnership.financial_year_start_month)
    request = SectionRequest(partnership, kind, period.label, period.start, period.end, edition)
    contents: list[SectionContent] = []
    narrative_versions: dict[str, int] = {}
    chart_number = 0
    chosen = [spec for spec in sections(kind) if not only or spec.key in only]
    for done, spec in enumerate(chosen, start=1):
        section = SectionContent(spec.key, spec.title, list(spec.build(request)), owner=spec.owner)
        for block in section.information:
            if isinstance(block, TableBlock | ChartBlock):
                _protect(block, edition)
            if isinstance(block, ChartBlock):
                chart_number += 1
                _draw(block, f"chart-{chart_number}")
        record = _narrative(partnership, spec.key, period, edition)
        if record is not None:
            section.narrative = Narrative(
                record.done,
                record.next,
                record.impact,
                record.get_status_display(),
                record.version,
            )
            narrative_versions[spec.key] = record.version
        contents.append(section)
        if progress is not None:
            progress(done, len(chosen))
    title = (
        f"{partnership.name}: annual report {period.label}"
        if kind == "annual"
        else f"{partnership.name}: quarterly performance report, {period.label}"
    )
    document = ReportDocument(
        partnership=partnership.name,
        title=title,
        kind=kind,
        period_label=period.label,
        period_text=f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}",
        edition=edition,
        sections=contents,
        generated_at=timezone.localtime().strftime("%-d %B %Y at %H:%M"),
    )
    document.inputs = inputs(partnership, narrative_versions, period.end)
    return document


def inputs(
    partnership: Partnership, narrative_versions: dict[str, int], end: date
) -> dict[str, object]:
    """What the figures came from: the compute run (its snapshots and fingerprint), each
    indicator's definition (a hash of its spec) and each narrative's version."""
    run = latest_complete_run(partnership)
    definitions = {
        spec.id: hashlib.sha256(
            json.dumps(asdict(spec), sort_keys=True, default=str).encode()
        ).hexdigest()[:16]
        for spec in catalogue.CATALOGUE.values()
    }
    return {
        "compute_run": run.pk if run else None,
        "snapshot_ids": run.snapshot_ids if run else [],
        "fingerprint": run.fingerprint if run else "",
        "indicator_definitions": definitions,
        "narrative_versions": narrative_versions,
        "period_end": end.isoformat(),
    }


def disclosure_log(document: ReportDocument) -> list[dict[str, object]]:
    """Every suppressed cell of every table and chart, with its rule and reason."""
    log = []
    for block in document.tables():
        assert block.published is not None
        for decision in block.published.suppressions:
            log.append({"table": block.table.title, **decision.as_dict()})
    return log
