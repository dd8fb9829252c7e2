"""What the dashboard, the command line and reports say about an indicator: stored results,
benchmarks, statistical process control and plain-English findings, assembled in one place.

Everything here reads stored results (``IndicatorResult``) and imported benchmarks; nothing
computes indicators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from lineofsight.indicators import catalogue
from lineofsight.indicators.catalogue import IndicatorSpec
from lineofsight.indicators.catalogue.spec import possible_range
from lineofsight.indicators.engine import IndicatorResult as Result
from lineofsight.indicators.findings import (
    benchmark_finding,
    change_finding,
    format_value,
    spc_finding,
    target_finding,
    year_on_year_pair,
)
from lineofsight.indicators.periods import Period, describe, parse_period
from lineofsight.indicators.spc import (
    XmrResult,
    assurance_icon,
    sustained_shift,
    variation_icon,
    xmr,
)
from lineofsight.partnership.models import Partnership
from lineofsight.performance.benchmark_selectors import (
    benchmark_rows,
    neighbours,
    published_values,
)
from lineofsight.performance.models import ChangePoint, IndicatorResult, IndicatorTarget

SPC_MONTHS = 36
QUARTERS_SHOWN = 8
YEARLY_PERIOD_TYPES = (
    "financial_year",
    "snapshot",
)  # the monthly series behind the SPC chart ends at the period's last month


@dataclass
class Benchmark:
    year: int
    own: float | None
    published: float | None
    region: float | None
    statistical_neighbours: float | None
    england: float | None


@dataclass
class Summary:
    spec: IndicatorSpec
    period: Period
    headline: IndicatorResult | None
    breakdowns: list[IndicatorResult]
    monthly: list[IndicatorResult]
    spc: XmrResult | None
    variation: str | None
    benchmarks: list[Benchmark]
    findings: list[str] = field(default_factory=list)
    target: IndicatorTarget | None = None
    assurance: str | None = None
    change_points: list[ChangePoint] = field(default_factory=list)
    shift_from: date | None = None  # where a sustained shift began: a change point to offer
    spc_text: str | None = None  # the SPC finding, in words
    benchmark_text: str | None = None  # the comparison with England and neighbours, in words
    target_text: str | None = None  # the comparison with this year's target, in words
    quarters: list[IndicatorResult] = field(default_factory=list)  # the last 8 to the period end

    @property
    def value_text(self) -> str:
        if self.headline is None or self.headline.value is None:
            return "No data"
        return format_value(self.headline.value, self.spec.unit)

    @property
    def concern(self) -> bool:
        return bool(self.variation and "concern" in self.variation)

    @property
    def improvement(self) -> bool:
        return bool(self.variation and "improvement" in self.variation)

    @property
    def unusual(self) -> bool:
        """Special cause in a measure where neither direction is better: look into it."""
        return bool(self.variation and "neutral" in self.variation)

    @property
    def worse_than_benchmarks(self) -> bool:
        """Worse than England and statistical neighbours in the latest benchmarked year."""
        if self.spec.polarity == "neutral" or not self.benchmarks:
            return False
        latest = self.benchmarks[-1]
        own = latest.own
        others = [v for v in (latest.england, latest.statistical_neighbours) if v is not None]
        if own is None or not others:
            return False
        if self.spec.polarity == "higher_is_better":
            return all(own < other for other in others)
        return all(own > other for other in others)

    @property
    def below_target(self) -> bool:
        """The headline figure misses the partnership's target (in the indicator's direction)."""
        if self.target is None or self.headline is None or self.headline.value is None:
            return False
        if self.spec.polarity == "higher_is_better":
            return self.headline.value < self.target.value
        if self.spec.polarity == "lower_is_better":
            return self.headline.value > self.target.value
        return False

    @property
    def rank(self) -> int:
        """Exceptions first: special cause concern, unusual (special cause where neither
        direction is better) or below target, then worse than benchmarks, then the rest."""
        if self.concern or self.unusual or self.below_target:
            return 0
        return 1 if self.worse_than_benchmarks else 2


def _as_result(row: IndicatorResult) -> Result:
    return Result(
        indicator_id=row.indicator_id,
        period_type=row.period_type,  # type: ignore[arg-type]
        period_label=row.period_label,
        period_start=row.period_start,
        period_end=row.period_end,
        numerator=row.numerator or 0.0,
        denominator=row.denominator,
        value=row.value,
        ci_low=row.ci_low,
        ci_high=row.ci_high,
        breakdown=row.breakdown or None,
    )


def headline_period(spec: IndicatorSpec, period: Period) -> tuple[str, str] | None:
    """(period type, label) that stands for the period chosen: a financial year itself, or its
    31 March snapshot for a stock measured only at that date; a quarter itself, or None for a
    measure counted only once a year (it has no quarterly figure)."""
    if period.period_type == "quarter":
        return ("quarter", period.label) if "quarter" in spec.period_types else None
    if "financial_year" in spec.period_types:
        return "financial_year", period.label
    end = period.end
    return "snapshot", end.isoformat()


BENCHMARK_YEARS = 6


def _months_before(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


class Sources:
    """Everything the summaries read, fetched once: stored results and published benchmarks."""

    def __init__(
        self, partnership: Partnership, specs: Sequence[IndicatorSpec], up_to: Period
    ) -> None:
        self.partnership = partnership
        ids = [spec.id for spec in specs]
        self.results: dict[str, list[IndicatorResult]] = {i: [] for i in ids}
        first_month = _months_before(up_to.end.replace(day=1), SPC_MONTHS - 1)
        recent = Q(period_type__in=("month", "quarter"), period_start__gte=first_month)
        rows = IndicatorResult.objects.filter(
            Q(period_type__in=YEARLY_PERIOD_TYPES) | recent,
            partnership=partnership,
            indicator_id__in=ids,
        )
        for row in rows.order_by("period_start", "breakdown"):
            self.results[row.indicator_id].append(row)
        keys = {spec.benchmark_key for spec in specs if spec.benchmark_key}
        self.groups = neighbours() if keys else {}
        compared = {partnership.la_code, *self.groups.get(partnership.la_code, [])}
        self.targets = {
            (t.indicator_id, t.financial_year): t
            for t in IndicatorTarget.objects.filter(
                partnership=partnership, indicator_id__in=ids
            ).select_related("set_by")
        }
        self.change_points: dict[str, list[ChangePoint]] = {i: [] for i in ids}
        for point in ChangePoint.objects.filter(
            partnership=partnership, indicator_id__in=ids
        ).select_related("set_by"):
            self.change_points[point.indicator_id].append(point)
        self.published = published_values(keys, la_codes=compared) if keys else {}


def _benchmarks(
    sources: Sources, spec: IndicatorSpec, own: dict[int, float], up_to: int
) -> list[Benchmark]:
    """The last ``BENCHMARK_YEARS`` published years up to the year ending ``up_to``."""
    if not spec.benchmark_key or spec.benchmark_key not in sources.published:
        return []
    years = range(up_to - BENCHMARK_YEARS + 1, up_to + 1)
    try:
        rows = benchmark_rows(
            sources.partnership.la_code,
            spec.benchmark_key,
            years=years,
            values=sources.published[spec.benchmark_key],
            groups=sources.groups,
        )
    except LookupError:
        return []
    return [
        Benchmark(
            r.year, own.get(r.year), r.la_value, r.region_value, r.sn_average, r.england_value
        )
        for r in rows
    ]


def _describe(row: IndicatorResult) -> str:
    return describe(Period(row.period_start, row.period_end, row.period_type, row.period_label))  # type: ignore[arg-type]


def _year_ending(row: IndicatorResult) -> int:
    return int(row.period_end.year if row.period_end.month <= 3 else row.period_end.year + 1)


def _spc(
    spec: IndicatorSpec, monthly: list[IndicatorResult], points: list[ChangePoint]
) -> tuple[XmrResult | None, list[IndicatorResult]]:
    """XmR over the months with a value, phases starting at the analyst's change points."""
    months = [r for r in monthly if r.value is not None]
    if len(months) < 12:
        return None, months
    starts = {p.month for p in points}
    recalculate = [i for i, row in enumerate(months) if row.period_start in starts]
    floor, ceiling = possible_range(spec.unit)
    values = [r.value for r in months if r.value is not None]
    return xmr(values, recalculation_points=recalculate, floor=floor, ceiling=ceiling), months


def _target(sources: Sources, spec: IndicatorSpec, period: Period) -> IndicatorTarget | None:
    """The year's target; for a quarter, that of the financial year holding its end, unless the
    measure is a count (a year's count is not a quarter's)."""
    if period.period_type != "quarter":
        return sources.targets.get((spec.id, period.label))
    if spec.unit == "count":
        return None
    year = period.financial_year_ending - 1
    return sources.targets.get((spec.id, f"{year}-{(year + 1) % 100:02d}"))


def summarise(
    partnership: Partnership,
    spec: IndicatorSpec,
    period: Period | str,
    sources: Sources | None = None,
) -> Summary:
    """What is known of ``spec`` for a financial year or a quarter (a ``Period``, or the label
    of a financial-year period for ``parse_period``).  For a quarter: the quarter's figure and
    breakdowns, against the same quarter a year before, the months up to its end, and the year's
    target for a percentage or rate; published benchmarks are yearly and are left out."""
    financial_year = parse_period(period) if isinstance(period, str) else period
    quarterly = financial_year.period_type == "quarter"
    sources = sources or Sources(partnership, [spec], financial_year)
    stored = sources.results[spec.id]
    shown = headline_period(spec, financial_year)
    kind, label = shown if shown else ("", "")
    yearly = [r for r in stored if r.period_type == kind]
    headline = next((r for r in yearly if r.period_label == label and not r.breakdown), None)
    breakdowns = [r for r in yearly if r.period_label == label and r.breakdown]
    monthly = [
        r
        for r in stored
        if r.period_type == "month" and not r.breakdown and r.period_end <= financial_year.end
    ][-SPC_MONTHS:]
    quarters = [
        r
        for r in stored
        if r.period_type == "quarter" and not r.breakdown and r.period_end <= financial_year.end
    ][-QUARTERS_SHOWN:]
    points = sources.change_points.get(spec.id, [])
    spc, months = _spc(spec, monthly, points)
    variation = variation_icon(spc, spec.polarity) if spc else None
    totals = [
        r
        for r in yearly
        if not r.breakdown and r.value is not None and r.period_end <= financial_year.end
    ]
    own = {_year_ending(r): r.value for r in totals if r.value is not None}
    intervals = {_year_ending(r): (r.ci_low, r.ci_high) for r in totals}
    benchmarks = [] if quarterly else _benchmarks(sources, spec, own, financial_year.end.year)
    pair = year_on_year_pair([_as_result(r) for r in totals])
    year_change = None
    if pair and pair[0].value is not None and pair[1].value is not None:
        if round(pair[1].value, 1) != round(pair[0].value, 1):
            year_change = "rose" if pair[1].value > pair[0].value else "fell"
    spc_text = (
        spc_finding(
            spc,
            spec.polarity,
            labels=[_describe(r) for r in months],
            unit=spec.unit,
            year_change=year_change,
        )
        if spc
        else None
    )
    benchmark_text = benchmark_finding(
        spec.title,
        {b.year: b.own for b in benchmarks if b.own is not None},
        {
            b.year: {
                "england": b.england,
                "region": b.region,
                "statistical_neighbours": b.statistical_neighbours,
            }
            for b in benchmarks
        },
        spec.unit,
        intervals,
    )
    findings = [
        text
        for text in (
            change_finding(spec.title, *pair, spec.unit) if pair else None,
            benchmark_text,
            spc_text,
        )
        if text
    ]
    target = _target(sources, spec, financial_year)
    assurance = (
        assurance_icon(spc, target.value, spec.polarity) if spc is not None and target else None
    )
    target_text = None
    if target is not None and headline is not None:
        target_text = target_finding(
            spec.title, _as_result(headline), target.value, spec.polarity, spec.unit
        )
        if target_text:
            findings.append(target_text)
    shift = sustained_shift(spc) if spc else None
    return Summary(
        spec,
        financial_year,
        headline,
        breakdowns,
        monthly,
        spc,
        variation,
        benchmarks,
        findings,
        target,
        assurance,
        change_points=points,
        shift_from=months[shift].period_start if shift is not None else None,
        spc_text=spc_text,
        benchmark_text=benchmark_text,
        target_text=target_text,
        quarters=quarters,
    )


def overview(
    partnership: Partnership, period: Period | str, ids: Sequence[str] | None = None
) -> list[Summary]:
    """Every indicator for a financial year or a quarter (see ``summarise``), exceptions first."""
    specs = [catalogue.get(i) for i in ids] if ids else list(catalogue.CATALOGUE.values())
    chosen = parse_period(period) if isinstance(period, str) else period
    sources = Sources(partnership, specs, chosen)
    summaries = [summarise(partnership, spec, chosen, sources) for spec in specs]
    return sorted(summaries, key=lambda s: s.rank)


def latest_financial_year(partnership: Partnership) -> str | None:
    row = (
        IndicatorResult.objects.filter(partnership=partnership, period_type="financial_year")
        .order_by("-period_start")
        .first()
    )
    return row.period_label if row else None
