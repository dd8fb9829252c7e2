"""Plain-English findings from indicator results, benchmarks and SPC: fixed templates, no AI.

Numbers: counts with thousands separators, percentages and rates to 1 decimal place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lineofsight.indicators.engine import IndicatorResult
from lineofsight.indicators.periods import Period, describe
from lineofsight.indicators.spc import Polarity, XmrResult, variation_icon

COMPARATOR_NAMES = {
    "england": "England",
    "region": "the region",
    "statistical_neighbours": "statistical neighbours",
}
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
PERIOD_NOUNS = {"month": "months", "quarter": "quarters", "financial_year": "years"}


def format_value(value: float, unit: str) -> str:
    """1,706 / 25.4% / 81.7 per 10,000 / 12.0 per 100,000."""
    if unit == "percent":
        return f"{value:,.1f}%"
    if unit == "rate_per_10k":
        return f"{value:,.1f} per 10,000"
    if unit == "rate_per_100k":
        return f"{value:,.1f} per 100,000"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def _words(number: int) -> str:
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else f"{number:,}"


def _when(result: IndicatorResult, words: str) -> str:
    """ "at 31 March 2021" for a snapshot date, "in April 2021" or "in 2020-21" otherwise."""
    return f"at {words}" if result.period_type == "snapshot" else f"in {words}"


def _period(result: IndicatorResult) -> Period:
    return Period(result.period_start, result.period_end, result.period_type, result.period_label)


def change_finding(
    title: str, earlier: IndicatorResult, later: IndicatorResult, unit: str
) -> str | None:
    """ "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021 (+34%)".

    Percentages change in percentage points; counts and rates in per cent of the earlier value.
    """
    if earlier.value is None or later.value is None:
        return None
    before, after = earlier.value, later.value
    when_before, when_after = describe(_period(earlier)), describe(_period(later))
    if round(before, 1) == round(after, 1):
        unchanged = format_value(after, unit)
        return f"{title}: unchanged at {unchanged} between {when_before} and {when_after}"
    verb = "rose" if after > before else "fell"
    if unit == "percent":
        change = f"{after - before:+.1f} percentage points"
    elif before:
        change = f"{100 * (after - before) / before:+.0f}%"
    else:
        change = ""
    text = (
        f"{title} {verb} from {format_value(before, unit)} {_when(earlier, when_before)} "
        f"to {format_value(after, unit)} {_when(later, when_after)}"
    )
    return f"{text} ({change})" if change else text


def year_on_year_finding(title: str, results: Sequence[IndicatorResult], unit: str) -> str | None:
    """The latest total result against the same period a year before, if both exist."""
    totals = sorted(
        (r for r in results if r.breakdown is None and r.value is not None),
        key=lambda r: r.period_end,
    )
    if not totals:
        return None
    latest = totals[-1]
    start = latest.period_start
    a_year_before = start.replace(year=start.year - 1)
    for candidate in totals:
        if candidate.period_type == latest.period_type and candidate.period_start == a_year_before:
            return change_finding(title, candidate, latest, unit)
    return None


def benchmark_finding(
    title: str,
    own: Mapping[int, float],
    benchmarks: Mapping[int, Mapping[str, float | None]],
    unit: str,
) -> str | None:
    """ "Re-referrals (25.4%) have been above England (22.7%) and statistical neighbours (21.8%)
    for four years", comparing the latest year with England and statistical neighbours (the
    region when neither is given); years are counted back while the position holds."""
    years = sorted(year for year in own if year in benchmarks)
    if not years:
        return None
    latest = years[-1]
    comparators = _comparators(benchmarks[latest])
    if not comparators:
        return None
    positions = _positions(own[latest], benchmarks[latest], comparators)
    parts = [
        f"{position} {COMPARATOR_NAMES[key]} ({format_value(benchmarks[latest][key] or 0, unit)})"
        for key, position in zip(comparators, positions, strict=True)
    ]
    value = format_value(own[latest], unit)
    if len(set(positions)) > 1:
        return f"{title} ({value}) are " + " but ".join(parts)
    held = 0
    for year in reversed(years):
        if _comparators(benchmarks[year]) != comparators:
            break
        if _positions(own[year], benchmarks[year], comparators) != positions:
            break
        held += 1
    joined = " and ".join([parts[0], *[part.split(" ", 1)[1] for part in parts[1:]]])
    if held > 1:
        return f"{title} ({value}) have been {joined} for {_words(held)} years"
    return f"{title} ({value}) are {joined}"


def _comparators(row: Mapping[str, float | None]) -> list[str]:
    chosen = [key for key in ("england", "statistical_neighbours") if row.get(key) is not None]
    if not chosen and row.get("region") is not None:
        chosen = ["region"]
    return chosen


def _positions(value: float, row: Mapping[str, float | None], keys: Sequence[str]) -> list[str]:
    result = []
    for key in keys:
        other = row[key] or 0.0
        result.append(
            "above"
            if round(value, 1) > round(other, 1)
            else "below"
            if round(value, 1) < round(other, 1)
            else "the same as"
        )
    return result


def spc_finding(result: XmrResult, polarity: Polarity, period_type: str = "month") -> str | None:
    """ "Special cause concern: 7 months above the mean", about the latest point."""
    icon = variation_icon(result, polarity)
    if icon is None:
        return None
    latest = result.points[-1]
    unit = period_type.replace("financial_year", "year")
    plural = PERIOD_NOUNS.get(period_type, "points")
    if icon == "common_cause":
        limits = result.limits_at(latest.index)
        return (
            f"Common cause variation: the latest {unit} is within the expected range "
            f"({limits.lower_process_limit:,.1f} to {limits.upper_process_limit:,.1f})"
        )
    kind = icon.split("_")[2]
    prefix = "Special cause variation" if kind == "neutral" else f"Special cause {kind}"
    side_words = "above" if latest.side == "high" else "below"
    if "run" in latest.rules:
        length = _run_length(result)
        return f"{prefix}: {length} {plural} {side_words} the mean"
    if "trend" in latest.rules:
        length = _trend_length(result)
        direction = "rising" if result.values[-1] > result.values[-2] else "falling"
        return f"{prefix}: {length} {plural} {direction} in a row"
    if "outside_limits" in latest.rules:
        limit = "upper" if latest.side == "high" else "lower"
        return f"{prefix}: the latest {unit} is {side_words} the {limit} process limit"
    return f"{prefix}: 2 of the last 3 {plural} are beyond the 2-sigma line {side_words} the mean"


def _run_length(result: XmrResult) -> int:
    latest = result.points[-1]
    length = 0
    for point in reversed(result.points):
        if point.side != latest.side or result.limits_at(point.index) != result.limits_at(
            latest.index
        ):
            break
        length += 1
    return length


def _trend_length(result: XmrResult) -> int:
    values = result.values
    rising = values[-1] > values[-2]
    length = 1
    for index in range(len(values) - 1, 0, -1):
        step = values[index] - values[index - 1]
        if (step > 0) != rising or step == 0:
            break
        length += 1
    return length
