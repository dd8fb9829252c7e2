"""Plain-English findings from indicator results, benchmarks and SPC: fixed templates, no AI.

Numbers: counts with thousands separators, percentages and rates to 1 decimal place.  Every
comparison (year on year, against England, neighbours or the region, against a target) says
whether the difference is beyond chance, from the 95% confidence intervals
(``significance``), and "too few to tell" when it is not.  The SPC sentence says in words what
the signal is, over which months, and never contradicts the year-on-year sentence: when the
latest months move against the year as a whole, it says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lineofsight.indicators.engine import IndicatorResult
from lineofsight.indicators.periods import Period, describe
from lineofsight.indicators.significance import (
    TOO_FEW,
    Estimate,
    Verdict,
    against_value,
    between,
    estimate,
)
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


def chance_clause(verdicts: Sequence[Verdict | None], names: Sequence[str] = ()) -> str:
    """ "; beyond what chance would explain" when every difference is, "; too few to tell
    whether this is more than chance" when none is, and which is which otherwise (``names``:
    what each verdict compares with)."""
    if all(v is None for v in verdicts):
        return "; no confidence interval, so whether this is more than chance cannot be told"
    if all(v in ("higher", "lower") for v in verdicts):
        return "; beyond what chance would explain"
    if all(v in ("similar", None) for v in verdicts):
        return f"; {TOO_FEW} whether this is more than chance"
    beyond = [n for n, v in zip(names, verdicts, strict=True) if v in ("higher", "lower")]
    within = [n for n, v in zip(names, verdicts, strict=True) if v not in ("higher", "lower")]
    return (
        f"; the difference from {' and '.join(beyond)} is beyond chance, from "
        f"{' and '.join(within)} {TOO_FEW}"
    )


def _estimate(result: IndicatorResult, unit: str) -> Estimate | None:
    if result.value is None:
        return None
    return estimate(result.value, result.ci_low, result.ci_high, unit)


def _of(result: IndicatorResult, unit: str) -> str:
    """ " (3 of 7)" for a percentage with its numerator and denominator."""
    if unit != "percent" or not result.denominator:
        return ""
    return f" ({result.numerator:,.0f} of {result.denominator:,.0f})"


def change_finding(
    title: str, earlier: IndicatorResult, later: IndicatorResult, unit: str
) -> str | None:
    """ "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021 (+34%); beyond what
    chance would explain".

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
        f"{title} {verb} from {format_value(before, unit)}{_of(earlier, unit)} "
        f"{_when(earlier, when_before)} to {format_value(after, unit)}{_of(later, unit)} "
        f"{_when(later, when_after)}"
    )
    first, second = _estimate(earlier, unit), _estimate(later, unit)
    verdict = between(first, second) if first and second else None
    text = f"{text} ({change})" if change else text
    return text + chance_clause([verdict])


def year_on_year_pair(
    results: Sequence[IndicatorResult],
) -> tuple[IndicatorResult, IndicatorResult] | None:
    """The latest total result and the same period a year before, if both exist."""
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
            return candidate, latest
    return None


def year_on_year_finding(title: str, results: Sequence[IndicatorResult], unit: str) -> str | None:
    """The latest total result against the same period a year before, if both exist."""
    pair = year_on_year_pair(results)
    return change_finding(title, *pair, unit) if pair else None


def benchmark_finding(
    title: str,
    own: Mapping[int, float],
    benchmarks: Mapping[int, Mapping[str, float | None]],
    unit: str,
    intervals: Mapping[int, tuple[float | None, float | None]] | None = None,
) -> str | None:
    """ "Re-referrals (25.4%) have been above England (22.7%) and statistical neighbours (21.8%)
    for four years; beyond what chance would explain", comparing the latest year with England
    and statistical neighbours (the region when neither is given); years are counted back while
    the position holds.  Chance: each comparator against the latest year's 95% interval
    (``intervals``: year -> (low, high))."""
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
    low, high = (intervals or {}).get(latest, (None, None))
    ours = estimate(own[latest], low, high, unit)
    verdicts = [against_value(ours, benchmarks[latest][key] or 0.0) for key in comparators]
    chance = chance_clause(verdicts, [COMPARATOR_NAMES[key] for key in comparators])
    if len(set(positions)) > 1:
        return f"{title} ({value}) are " + " but ".join(parts) + chance
    held = 0
    for year in reversed(years):
        if _comparators(benchmarks[year]) != comparators:
            break
        if _positions(own[year], benchmarks[year], comparators) != positions:
            break
        held += 1
    joined = " and ".join([parts[0], *[part.split(" ", 1)[1] for part in parts[1:]]])
    if held > 1:
        return f"{title} ({value}) have been {joined} for {_words(held)} years{chance}"
    return f"{title} ({value}) are {joined}{chance}"


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


def target_finding(
    title: str, result: IndicatorResult, target: float, polarity: Polarity, unit: str
) -> str | None:
    """ "Assessments within 45 working days (85.9%) missed the 2020-21 target of 90.0%; beyond
    what chance would explain"."""
    if result.value is None:
        return None
    shown, wanted = format_value(result.value, unit), format_value(target, unit)
    when = describe(_period(result))
    if polarity == "neutral":
        return f"{title} ({shown}) against the {when} target of {wanted}"
    met = result.value >= target if polarity == "higher_is_better" else result.value <= target
    ours = estimate(result.value, result.ci_low, result.ci_high, unit)
    verdict = against_value(ours, target)
    return (
        f"{title} ({shown}) {'met' if met else 'missed'} the {when} target of {wanted}"
        + chance_clause([verdict])
    )


SIGNAL_PREFIX = {
    "concern": "Special cause concern",
    "improvement": "Special cause improvement",
    "neutral": "Unusual, look into it (neither higher nor lower is better)",
}


def spc_finding(
    result: XmrResult,
    polarity: Polarity,
    period_type: str = "month",
    labels: Sequence[str] = (),
    unit: str = "count",
    year_change: str | None = None,
) -> str | None:
    """The latest point's signal in words: "Special cause concern: the last 7 months (September
    2020 to March 2021) were all above the average of April 2018 to March 2021 (12.3)".

    ``labels`` name each point (e.g. "March 2021"); ``year_change`` ("rose"/"fell") is how the
    year as a whole moved on the year before: when the latest months move the other way the
    sentence says so, so that it never contradicts the year-on-year finding."""
    icon = variation_icon(result, polarity)
    if icon is None:
        return None
    latest = result.points[-1]
    unit_word = period_type.replace("financial_year", "year")
    plural = PERIOD_NOUNS.get(period_type, "points")
    limits = result.limits_at(latest.index)
    value = format_value(latest.value, unit)
    named = len(labels) == len(result.values)
    if icon == "common_cause":
        return (
            f"Common cause variation: the latest {unit_word} ({value}) is within the expected "
            f"range ({format_value(limits.lower_process_limit, unit)} to "
            f"{format_value(limits.upper_process_limit, unit)})"
        )
    prefix = SIGNAL_PREFIX[icon.split("_")[2]]
    side_words = "above" if latest.side == "high" else "below"
    limit = "upper" if latest.side == "high" else "lower"
    if "run" in latest.rules:
        length = _run_length(result)
        phase_end = len(result.values) - 1
        span = f" ({labels[-length]} to {labels[-1]})" if named else ""
        base = f" of {labels[limits.start]} to {labels[phase_end]}" if named else ""
        text = (
            f"the last {length} {plural}{span} were all {side_words} the average{base} "
            f"({format_value(limits.mean, unit)})"
        )
    elif "trend" in latest.rules:
        length = _trend_length(result)
        direction = "rose" if result.values[-1] > result.values[-2] else "fell"
        span = f" ({labels[-length]} to {labels[-1]})" if named else ""
        text = f"the last {length} {plural}{span} each {direction} on the one before"
    elif "outside_limits" in latest.rules:
        bound = limits.upper_process_limit if latest.side == "high" else limits.lower_process_limit
        text = (
            f"the latest {unit_word} ({value}) is {side_words} the {limit} process limit "
            f"({format_value(bound, unit)}): beyond the usual variation"
        )
    else:
        line = limits.upper_two_sigma if latest.side == "high" else limits.lower_two_sigma
        text = (
            f"2 of the last 3 {plural} are close to the {limit} process limit "
            f"({side_words} {format_value(line, unit)})"
        )
    moved = "rose" if latest.side == "high" else "fell"
    if year_change and year_change != moved:
        text += f", although the year as a whole {year_change} on the year before"
    return f"{prefix}: {text}"


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
