"""How indicator summaries are shown: icon wording, chart data and table rows (no queries)."""

from __future__ import annotations

from dataclasses import dataclass

from lineofsight.charts import SpcPoint, benchmark_chart, spc_chart
from lineofsight.indicators.breakdowns import AGE_BANDS, DIMENSIONS, NOT_RECORDED, split
from lineofsight.indicators.findings import format_value
from lineofsight.indicators.periods import describe
from lineofsight.performance.models import IndicatorResult
from lineofsight.performance.summaries import Summary

VARIATION_TEXT = {
    "common_cause": ("Common cause variation", "govuk-tag--grey"),
    "special_cause_concern_high": ("Concern: recent months higher", "govuk-tag--orange"),
    "special_cause_concern_low": ("Concern: recent months lower", "govuk-tag--orange"),
    "special_cause_improvement_high": ("Improvement: recent months higher", "govuk-tag--blue"),
    "special_cause_improvement_low": ("Improvement: recent months lower", "govuk-tag--blue"),
    "special_cause_neutral_high": ("Unusual: recent months higher", "govuk-tag--purple"),
    "special_cause_neutral_low": ("Unusual: recent months lower", "govuk-tag--purple"),
}


def variation_words(variation: str | None) -> str:
    """What a variation code means, in words (codes never reach people)."""
    if variation is None:
        return "Too few months for statistical process control"
    return VARIATION_TEXT[variation][0]


UNIT_SUFFIX = {"percent": "%", "rate_per_10k": "", "rate_per_100k": "", "count": ""}


ASSURANCE_TEXT = {
    "consistently_pass": ("Will consistently meet the target", "govuk-tag--green"),
    "consistently_fail": ("Will consistently miss the target", "govuk-tag--red"),
    "hit_and_miss": ("Will sometimes meet the target", "govuk-tag--yellow"),
}


def assurance_tag(summary: Summary) -> dict[str, str] | None:
    if not summary.assurance:
        return None
    text, classes = ASSURANCE_TEXT[summary.assurance]
    return {"text": text, "classes": classes}


def variation_tag(summary: Summary) -> dict[str, str] | None:
    if not summary.variation:
        return None
    text, classes = VARIATION_TEXT[summary.variation]
    return {"text": text, "classes": classes}


def _signal(summary: Summary, index: int) -> str | None:
    if summary.spc is None:
        return None
    point = summary.spc.points[index]
    if not point.special_cause or point.side is None:
        return None
    if summary.spec.polarity == "neutral":
        return "neutral"
    good = "high" if summary.spec.polarity == "higher_is_better" else "low"
    return "improvement" if point.side == good else "concern"


def spc_svg(summary: Summary) -> str | None:
    """The SPC chart of the monthly series, or None when there are too few months."""
    if summary.spc is None:
        return None
    months = [r for r in summary.monthly if r.value is not None]
    points = []
    for index, row in enumerate(months):
        limits = summary.spc.limits_at(index)
        points.append(
            SpcPoint(
                label=row.period_start.strftime("%b %y"),
                value=row.value,
                mean=limits.mean,
                upper=limits.upper_process_limit,
                lower=limits.lower_process_limit,
                signal=_signal(summary, index),
            )
        )
    first, last = months[0], months[-1]
    description = (
        f"{summary.spec.title} by month from {first.period_start:%B %Y} to "
        f"{last.period_start:%B %Y}, with the mean and process limits. " + (summary.spc_text or "")
    )
    return spc_chart(
        points,
        title=f"{summary.spec.title}: statistical process control chart",
        description=description,
        target=summary.target.value if summary.target else None,
        unit_suffix=UNIT_SUFFIX[summary.spec.unit],
    )


def benchmark_svg(summary: Summary) -> str | None:
    rows = summary.benchmarks
    if not rows:
        return None
    years = [f"{b.year - 1}-{b.year % 100:02d}" for b in rows]
    series = [
        ("This partnership", [b.own for b in rows]),
        ("Region", [b.region for b in rows]),
        ("Statistical neighbours", [b.statistical_neighbours for b in rows]),
        ("England", [b.england for b in rows]),
    ]
    return benchmark_chart(
        years,
        series,
        title=f"{summary.spec.title} compared with benchmarks",
        description=f"{summary.spec.title} by year for this partnership, its region, "
        "statistical neighbours and England. The figures are in the table below.",
        unit_suffix=UNIT_SUFFIX[summary.spec.unit],
    )


def value_text(row: IndicatorResult | None, unit: str) -> str:
    if row is None or row.value is None:
        return ""
    return format_value(row.value, unit)


def period_text(row: IndicatorResult) -> str:
    from lineofsight.indicators.periods import Period

    return describe(Period(row.period_start, row.period_end, row.period_type, row.period_label))  # type: ignore[arg-type]


class Words:
    """Catalogue codes in words for pages (codes such as ``rate_per_10k`` never reach people)."""

    SOURCES = {
        "cin_census": "the DfE children in need census",
        "ssda903": "the SSDA903 children looked after return",
        "annex_a": "Ofsted Annex A",
        "partner_return": "a partner agency return",
    }
    UNITS = {
        "count": "a count",
        "percent": "a percentage",
        "rate_per_10k": "a rate per 10,000 children",
        "rate_per_100k": "a rate per 100,000 children",
    }
    POLARITIES = {
        "higher_is_better": "higher is better",
        "lower_is_better": "lower is better",
        "neutral": "neither higher nor lower is better in itself",
    }

    @classmethod
    def source(cls, code: str) -> str:
        return cls.SOURCES.get(code, code.replace("_", " "))

    @classmethod
    def unit(cls, code: str) -> str:
        return cls.UNITS.get(code, code.replace("_", " "))

    @classmethod
    def polarity(cls, code: str) -> str:
        return cls.POLARITIES.get(code, code.replace("_", " "))


def attention_reasons(summary: Summary) -> str:
    """Why an indicator needs attention, in words: "Unusual, look into it. Missed the target"."""
    reasons = []
    if summary.concern:
        reasons.append("Special cause concern in the monthly figures")
    if summary.unusual:
        reasons.append("Unusual, look into it")
    if summary.below_target and summary.target is not None:  # a quarter: its year's target
        reasons.append(f"Missed the {summary.target.financial_year} target")
    if summary.worse_than_benchmarks:
        reasons.append("Worse than England and statistical neighbours")
    return ". ".join(reasons) + "." if reasons else ""


@dataclass(frozen=True)
class BreakdownTable:
    """One dimension of an indicator's breakdown for a period: its title and (words, row) pairs."""

    dimension: str
    title: str
    rows: list[tuple[str, IndicatorResult]]


_AGE_ORDER = {words: index for index, (words, _, _) in enumerate(AGE_BANDS)}


def breakdown_title(spec_id: str, dimension: str) -> str:
    """ "Age band", ..., or for an indicator's own breakdown what it breaks down by."""
    if dimension:
        return DIMENSIONS[dimension]
    return "Risk level" if spec_id == "exploitation_tracked" else "Breakdown"


def breakdown_words(spec_id: str, breakdown: str) -> str:
    """ "Age band: 10 to 15" for a stored breakdown key (exports and tables say it so)."""
    if not breakdown:
        return ""
    dimension, words = split(breakdown)
    return f"{breakdown_title(spec_id, dimension)}: {words[:1].upper()}{words[1:]}"


def breakdown_tables(summary: Summary) -> list[BreakdownTable]:
    """The headline period's breakdowns, a table per dimension: the indicator's own breakdown
    first, then age band, sex, ethnicity, referral source, primary need and category; age bands
    youngest first, other groups largest first, "Not recorded" last."""
    grouped: dict[str, list[tuple[str, IndicatorResult]]] = {}
    for row in summary.breakdowns:
        dimension, words = split(row.breakdown)
        grouped.setdefault(dimension, []).append((words[:1].upper() + words[1:], row))
    order = ["", *DIMENSIONS]
    tables = []
    for dimension in sorted(grouped, key=order.index):
        rows = grouped[dimension]
        if dimension == "age":
            rows.sort(key=lambda pair: _AGE_ORDER.get(pair[0], len(_AGE_ORDER)))
        elif dimension:
            rows.sort(key=lambda pair: -(pair[1].numerator or 0))
        rows.sort(key=lambda pair: pair[0] == NOT_RECORDED)  # stable: last, order kept
        title = breakdown_title(summary.spec.id, dimension)
        tables.append(BreakdownTable(dimension, title, rows))
    return tables
