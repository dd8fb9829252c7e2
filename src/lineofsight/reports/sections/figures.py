"""Indicator figures as disclosure cells, and the blocks an indicator section is made of:
a key-figures table, then per indicator its findings, benchmark chart and SPC chart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lineofsight import disclosure
from lineofsight.disclosure import Cell
from lineofsight.indicators import catalogue
from lineofsight.indicators.catalogue import IndicatorSpec
from lineofsight.indicators.catalogue.spec import RATE_BASE
from lineofsight.indicators.findings import change_finding, spc_finding
from lineofsight.indicators.periods import Period, parse_period
from lineofsight.indicators.spc import XmrResult, xmr
from lineofsight.performance.selectors import (
    IndicatorResult,
    IndicatorTarget,
    Sources,
    Summary,
    as_finding_input,
    results_in_order,
    stored_result,
    summarise,
    yearly_results,
)
from lineofsight.reports.content import (
    Block,
    Bullets,
    ChartBlock,
    Paragraph,
    Subheading,
    TableBlock,
)
from lineofsight.reports.registry import SectionRequest

UNIT_SUFFIX = {"percent": "%", "rate_per_10k": "", "rate_per_100k": "", "count": ""}
UNIT_WORDS = {
    "percent": "per cent",
    "rate_per_10k": "per 10,000 children",
    "rate_per_100k": "per 100,000 children",
    "count": "number",
}
SPC_MONTHS = 36
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
TOO_SMALL = (
    "{title}: the figures are too small to describe here without risking identifying "
    "children (fewer than 6)."
)


def cell_for(row: IndicatorResult | None, spec: IndicatorSpec) -> Cell:
    """The figure of one stored result, carrying the count it is built on."""
    if row is None or row.value is None:
        return disclosure.missing()
    numerator = row.numerator
    if spec.unit == "count":
        return disclosure.count(round(row.value))
    if numerator is None or row.denominator is None:
        return disclosure.number(row.value)
    if spec.unit == "percent":
        return disclosure.percent(round(numerator), round(row.denominator))
    return disclosure.rate_per(round(numerator), round(row.denominator), RATE_BASE[spec.unit])


def is_small(row: IndicatorResult | None) -> bool:
    if row is None:
        return False
    counted = row.value if row.value is not None and row.numerator is None else row.numerator
    return counted is not None and 0 < counted < 6


def _published(value: float | None) -> Cell:
    return disclosure.number(value)


def indicator_blocks(request: SectionRequest, ids: Sequence[str]) -> list[Block]:
    specs = [catalogue.get(i) for i in ids if i in catalogue.CATALOGUE]
    if request.kind == "quarterly":
        return _quarterly_blocks(request, specs)
    return _annual_blocks(request, specs)


def _annual_blocks(request: SectionRequest, specs: list[IndicatorSpec]) -> list[Block]:
    year = parse_period(request.period_label)
    sources = Sources(request.partnership, specs, year)
    summaries = [
        summarise(request.partnership, spec, request.period_label, sources) for spec in specs
    ]
    summaries = [s for s in summaries if s.headline is not None or s.monthly]
    if not summaries:
        return [Paragraph("No figures have been computed for this period yet.")]
    previous_label = f"{year.start.year - 1}-{year.start.year % 100:02d}"
    rows = []
    for summary in summaries:
        earlier = _yearly(request, summary.spec, previous_label)
        bench = next((b for b in summary.benchmarks if b.year == year.end.year), None)
        rows.append(
            (
                f"{summary.spec.title} ({UNIT_WORDS[summary.spec.unit]})",
                [
                    cell_for(summary.headline, summary.spec),
                    cell_for(earlier, summary.spec),
                    _published(bench.region if bench else None),
                    _published(bench.statistical_neighbours if bench else None),
                    _published(bench.england if bench else None),
                ],
            )
        )
    columns = [request.period_label, previous_label, "Region", "Statistical neighbours", "England"]
    note = "Region, statistical neighbours and England are the figures DfE published for the year."
    if all(cell.value is None for _, cells in rows for cell in cells[2:]):
        # no published benchmark for any of these (partner returns): no columns of ":"
        rows = [(label, cells[:2]) for label, cells in rows]
        columns, note = columns[:2], "DfE publishes no comparison for these figures."
    key_figures = disclosure.grid(
        f"Key figures, {request.period_label}", "Indicator", columns, rows, note=note
    )
    blocks: list[Block] = [TableBlock(key_figures)]
    for summary in summaries:
        blocks.extend(
            _indicator_detail(request, summary, _yearly(request, summary.spec, previous_label))
        )
    return blocks


def _fy_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _yearly(request: SectionRequest, spec: IndicatorSpec, label: str) -> IndicatorResult | None:
    """The stored yearly figure for financial year ``label`` (or its 31 March snapshot)."""
    kind = "financial_year" if "financial_year" in spec.period_types else "snapshot"
    if kind == "snapshot":
        label = date(int(label[:4]) + 1, 3, 31).isoformat()
    return stored_result(request.partnership, spec.id, kind, label)


def _signal(spec: IndicatorSpec, spc: XmrResult, index: int) -> str | None:
    point = spc.points[index] if index < len(spc.points) else None
    if point is None or not point.special_cause or point.side is None:
        return None
    if spec.polarity == "neutral":
        return "neutral"
    good = "high" if spec.polarity == "higher_is_better" else "low"
    return "improvement" if point.side == good else "concern"


def _findings(
    request: SectionRequest,
    spec: IndicatorSpec,
    texts: list[str],
    rows: Sequence[IndicatorResult | None],
) -> Block:
    if request.edition == "published" and any(is_small(r) for r in rows):
        return Paragraph(TOO_SMALL.format(title=spec.title))
    return Bullets(texts) if texts else Paragraph(f"No findings for {spec.title} this period.")


def _indicator_detail(
    request: SectionRequest, summary: Summary, earlier: IndicatorResult | None
) -> list[Block]:
    spec = summary.spec
    blocks: list[Block] = [Subheading(spec.title)]
    findings = list(summary.findings)
    sparse = summary.spc is not None and too_sparse(spec, summary.monthly)
    if sparse:  # the control chart's signals on a count that is mostly 0 are noise
        findings = [f for f in findings if f != summary.spc_text]
        findings.append(
            "Most months had none, too few for a control chart to tell a signal from chance, "
            "so the monthly figures are given as a table."
        )
    blocks.append(_findings(request, spec, findings, [summary.headline, earlier]))
    if summary.benchmarks:
        blocks.append(_benchmark_chart(request, summary))
    if summary.spc is not None and not sparse:
        blocks.append(_spc_chart(spec, summary.monthly, summary.spc, summary.target))
    elif summary.spc is not None:
        blocks.append(TableBlock(_spc_chart(spec, summary.monthly, summary.spc, None).table))
    return blocks


def too_sparse(spec: IndicatorSpec, monthly: Sequence[IndicatorResult]) -> bool:
    """A monthly count that is 0 in at least half the months charted (complaints, say): an XmR
    chart's limits and run rules mean nothing there."""
    values = [r.value for r in list(monthly)[-SPC_MONTHS:] if r.value is not None]
    return spec.unit == "count" and bool(values) and sum(v == 0 for v in values) * 2 >= len(values)


def _benchmark_chart(request: SectionRequest, summary: Summary) -> ChartBlock:
    spec = summary.spec
    own = yearly_results(request.partnership, spec.id)
    rows = []
    for bench in summary.benchmarks:
        label = f"{bench.year - 1}-{bench.year % 100:02d}"
        stored = own.get(label) or own.get(date(bench.year, 3, 31).isoformat())
        rows.append(
            (
                label,
                [
                    cell_for(stored, spec) if stored else _published(bench.own),
                    _published(bench.region),
                    _published(bench.statistical_neighbours),
                    _published(bench.england),
                ],
            )
        )
    table = disclosure.grid(
        f"{spec.title}: {request.partnership.name} and benchmarks by year",
        "Year",
        ["This partnership", "Region", "Statistical neighbours", "England"],
        rows,
    )
    return ChartBlock(
        table,
        "line",
        f"Line chart of {spec.title.lower()} ({UNIT_WORDS[spec.unit]}) by year for "
        f"{request.partnership.name}, its region, statistical neighbours and England. "
        "The figures are in the table that follows.",
        unit_suffix=UNIT_SUFFIX[spec.unit],
    )


def _spc_chart(
    spec: IndicatorSpec,
    monthly: Sequence[IndicatorResult],
    spc: XmrResult,
    target: IndicatorTarget | None,
) -> ChartBlock:
    months = list(monthly)[-SPC_MONTHS:]
    values = [r for r in months if r.value is not None]
    limits: list[tuple[float | None, float | None, float | None, str | None]] = []
    for index in range(len(values)):
        phase = spc.limits_at(index)
        limits.append(
            (
                phase.mean,
                phase.upper_process_limit,
                phase.lower_process_limit,
                _signal(spec, spc, index),
            )
        )
    years = sorted({_fy_start(r.period_start) for r in values})
    cells = {(_fy_start(r.period_start), (r.period_start.month - 4) % 12): r for r in values}
    table = disclosure.grid(
        f"{spec.title} by month",
        "Year",
        MONTHS,
        [
            (
                f"{year}-{(year + 1) % 100:02d}",
                [cell_for(cells.get((year, m)), spec) for m in range(12)],
            )
            for year in years
        ],
    )
    points = [
        (
            r.period_start.strftime("%b %y"),
            (years.index(_fy_start(r.period_start)), (r.period_start.month - 4) % 12),
        )
        for r in values
    ]
    first, last = values[0].period_start, values[-1].period_start
    return ChartBlock(
        table,
        "spc",
        f"Statistical process control chart of {spec.title.lower()} by month from "
        f"{first:%B %Y} to {last:%B %Y}, with the mean and process limits. The figures are in "
        "the table that follows.",
        unit_suffix=UNIT_SUFFIX[spec.unit],
        spc=limits,
        target=target.value if target else None,
        points=points,
    )


def _quarterly_blocks(request: SectionRequest, specs: list[IndicatorSpec]) -> list[Block]:
    stored = results_in_order(request.partnership, [s.id for s in specs])
    by_id: dict[str, list[IndicatorResult]] = {s.id: [] for s in specs}
    for row in stored:
        by_id[row.indicator_id].append(row)
    # the quarter of the partnership's own year (assemble.parse_report_period), not a label's
    quarter = Period(request.start, request.end, "quarter", request.period_label)
    rows: list[tuple[str, list[Cell]]] = []
    details: list[Block] = []
    for spec in specs:
        quarters = [r for r in by_id[spec.id] if r.period_type == "quarter"]
        months = [
            r
            for r in by_id[spec.id]
            if r.period_type == "month" and r.period_end <= quarter.end and r.value is not None
        ][-SPC_MONTHS:]
        this = next((r for r in quarters if r.period_start == quarter.start), None)
        if this is None and not months:
            continue
        before = [r for r in quarters if r.period_end < quarter.start]
        previous = before[-1] if before else None
        last_year = next(
            (
                r
                for r in before
                if r.period_start == date(quarter.start.year - 1, quarter.start.month, 1)
            ),
            None,
        )
        rows.append(
            (
                f"{spec.title} ({UNIT_WORDS[spec.unit]})",
                [cell_for(this, spec), cell_for(previous, spec), cell_for(last_year, spec)],
            )
        )
        texts = [
            t
            for t in (
                change_finding(
                    spec.title, as_finding_input(previous), as_finding_input(this), spec.unit
                )
                if previous and this
                else None,
                change_finding(
                    spec.title, as_finding_input(last_year), as_finding_input(this), spec.unit
                )
                if last_year and this
                else None,
            )
            if t
        ]
        details.append(Subheading(spec.title))
        spc = xmr([r.value for r in months if r.value is not None]) if len(months) >= 12 else None
        if spc is not None and (text := spc_finding(spc, spec.polarity)):
            texts.append(text)
        details.append(_findings(request, spec, texts, [this, previous, last_year]))
        if spc is not None:
            details.append(_spc_chart(spec, months, spc, None))
    if not rows:
        return [Paragraph("No figures have been computed for this quarter yet.")]
    table = disclosure.grid(
        f"Key figures, {request.period_label}",
        "Indicator",
        ["This quarter", "Previous quarter", "Same quarter last year"],
        rows,
    )
    return [TableBlock(table), *details]
