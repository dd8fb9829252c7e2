"""Statistical process control, as in NHS England's "Making Data Count" (XmR charts).

Per phase (a phase starts at index 0 and at each recalculation point): the mean and the mean
moving range (mMR) of the phase's baseline points (all its points unless ``baseline`` limits
them to the first n), process limits mean +/- 2.66 x mMR and 2-sigma lines mean +/- (2/3) x
2.66 x mMR.  Special-cause rules, applied within each phase:

- ``outside_limits``: a point above the upper or below the lower process limit;
- ``run``: 7 or more consecutive points on the same side of the mean (a point on it breaks it);
- ``trend``: 7 or more consecutive points each rising (or each falling) from the one before;
- ``two_of_three``: 2 of 3 consecutive points beyond the same 2-sigma line (those points flag).

A flagged point is "high" when above the mean and "low" when below.  The variation icon
describes the latest point; the assurance icon compares the latest phase's limits with a target.

Limits are clipped to the measure's possible range (``floor``/``ceiling``: a count or rate
cannot fall below 0, a percentage cannot leave 0 to 100), as Making Data Count advises: a limit
beyond what can happen is never drawn or quoted.

Rebasing: an analyst who knows why the process changed (a new front door, a new definition)
sets a change point with a reason; ``xmr(recalculation_points=...)`` then starts a new phase
there.  ``sustained_shift`` finds where a run still going at the latest point began: the
candidate change point to offer them (never applied without a person and a reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

LIMIT_FACTOR = 2.66
RUN_LENGTH = 7
TREND_LENGTH = 7

Side = Literal["high", "low"]
Polarity = Literal["higher_is_better", "lower_is_better", "neutral"]
Variation = Literal[
    "common_cause",
    "special_cause_improvement_high",
    "special_cause_improvement_low",
    "special_cause_concern_high",
    "special_cause_concern_low",
    "special_cause_neutral_high",
    "special_cause_neutral_low",
]
Assurance = Literal["consistently_pass", "consistently_fail", "hit_and_miss"]


@dataclass(frozen=True)
class Limits:
    """The centre line and limits of one phase."""

    start: int  # index of the phase's first point
    mean: float
    mean_moving_range: float
    upper_process_limit: float
    lower_process_limit: float
    upper_two_sigma: float
    lower_two_sigma: float


@dataclass(frozen=True)
class PointSignal:
    """The special-cause rules a point triggers and on which side of the mean it is."""

    index: int
    value: float
    rules: frozenset[str]
    side: Side | None  # None when on the mean

    @property
    def special_cause(self) -> bool:
        return bool(self.rules)


@dataclass(frozen=True)
class XmrResult:
    values: tuple[float, ...]
    phases: tuple[Limits, ...]
    points: tuple[PointSignal, ...] = field(default_factory=tuple)

    @property
    def recalculation_points(self) -> list[int]:
        return [phase.start for phase in self.phases[1:]]

    def limits_at(self, index: int) -> Limits:
        """The limits in force at point ``index``."""
        return [phase for phase in self.phases if phase.start <= index][-1]


def _clip(value: float, floor: float | None, ceiling: float | None) -> float:
    if floor is not None and value < floor:
        return floor
    if ceiling is not None and value > ceiling:
        return ceiling
    return value


def phase_limits(
    values: Sequence[float],
    start: int,
    baseline: int | None,
    floor: float | None = None,
    ceiling: float | None = None,
) -> Limits:
    """Limits of a phase whose points are ``values``, starting at index ``start``, clipped to
    ``floor`` and ``ceiling`` (None: unbounded)."""
    base = list(values[:baseline] if baseline else values)
    if not base:
        raise ValueError("a phase needs at least one point")
    mean = sum(base) / len(base)
    ranges = [abs(later - earlier) for earlier, later in zip(base, base[1:], strict=False)]
    mean_range = sum(ranges) / len(ranges) if ranges else 0.0
    width = LIMIT_FACTOR * mean_range
    return Limits(
        start=start,
        mean=mean,
        mean_moving_range=mean_range,
        upper_process_limit=_clip(mean + width, floor, ceiling),
        lower_process_limit=_clip(mean - width, floor, ceiling),
        upper_two_sigma=_clip(mean + width * 2 / 3, floor, ceiling),
        lower_two_sigma=_clip(mean - width * 2 / 3, floor, ceiling),
    )


def xmr(
    values: Sequence[float],
    baseline: int | None = None,
    recalculation_points: Sequence[int] = (),
    floor: float | None = None,
    ceiling: float | None = None,
) -> XmrResult:
    """XmR limits and special-cause signals for ``values`` (in time order).

    ``baseline``: the number of points from the start of each phase used to set its limits
    (None: all of the phase).  ``recalculation_points``: indices where a new phase starts.
    ``floor``/``ceiling``: the measure's possible range; limits never go beyond it.
    """
    series = [float(value) for value in values]
    if not series:
        return XmrResult((), ())
    starts = sorted({0, *(point for point in recalculation_points if 0 < point < len(series))})
    bounds = list(zip(starts, [*starts[1:], len(series)], strict=True))
    phases = tuple(phase_limits(series[a:b], a, baseline, floor, ceiling) for a, b in bounds)
    rules: list[set[str]] = [set() for _ in series]
    for limits, (a, b) in zip(phases, bounds, strict=True):
        _flag_phase(series, a, b, limits, rules)
    result = XmrResult(tuple(series), phases)
    points = []
    for index, value in enumerate(series):
        mean = result.limits_at(index).mean
        side: Side | None = "high" if value > mean else "low" if value < mean else None
        points.append(PointSignal(index, value, frozenset(rules[index]), side))
    return XmrResult(tuple(series), phases, tuple(points))


def _flag_phase(
    series: Sequence[float], a: int, b: int, limits: Limits, rules: list[set[str]]
) -> None:
    for index in range(a, b):
        value = series[index]
        if value > limits.upper_process_limit or value < limits.lower_process_limit:
            rules[index].add("outside_limits")
    _flag_runs(series, a, b, limits.mean, rules)
    _flag_trends(series, a, b, rules)
    _flag_two_of_three(series, a, b, limits, rules)


def _flag_runs(series: Sequence[float], a: int, b: int, mean: float, rules: list[set[str]]) -> None:
    run_start, run_side = a, 0
    for index in range(a, b + 1):
        side = 0
        if index < b:
            side = 1 if series[index] > mean else -1 if series[index] < mean else 0
        if index == b or side != run_side or side == 0:
            if run_side != 0 and index - run_start >= RUN_LENGTH:
                for flagged in range(run_start, index):
                    rules[flagged].add("run")
            run_start, run_side = index, side


def _flag_trends(series: Sequence[float], a: int, b: int, rules: list[set[str]]) -> None:
    for direction in (1, -1):
        trend_start = a
        for index in range(a + 1, b + 1):
            continues = index < b and (series[index] - series[index - 1]) * direction > 0
            if not continues:
                if index - trend_start >= TREND_LENGTH:
                    for flagged in range(trend_start, index):
                        rules[flagged].add("trend")
                trend_start = index


def _flag_two_of_three(
    series: Sequence[float], a: int, b: int, limits: Limits, rules: list[set[str]]
) -> None:
    for first in range(a, b - 2):
        window = range(first, first + 3)
        above = [i for i in window if series[i] > limits.upper_two_sigma]
        below = [i for i in window if series[i] < limits.lower_two_sigma]
        for beyond in (above, below):
            if len(beyond) >= 2:
                for flagged in beyond:
                    rules[flagged].add("two_of_three")


def sustained_shift(result: XmrResult) -> int | None:
    """Where a shift still going at the latest point began: the first index of the run of
    ``RUN_LENGTH`` or more points on one side of the mean that ends at the latest point, when
    the phase has points before it (else there is nothing to recalculate from).  None when
    there is no such run."""
    if not result.points or "run" not in result.points[-1].rules:
        return None
    latest = result.points[-1]
    phase = result.limits_at(latest.index)
    start = latest.index
    while start - 1 >= phase.start and result.points[start - 1].side == latest.side:
        start -= 1
    return start if start > phase.start else None


def variation_icon(result: XmrResult, polarity: Polarity) -> Variation | None:
    """The variation icon of the latest point (None for an empty series)."""
    if not result.points:
        return None
    latest = result.points[-1]
    if not latest.special_cause or latest.side is None:
        return "common_cause"
    if polarity == "neutral":
        return _ICONS[("neutral", latest.side)]
    good_side: Side = "high" if polarity == "higher_is_better" else "low"
    return _ICONS[("improvement" if latest.side == good_side else "concern", latest.side)]


_ICONS: dict[tuple[str, Side], Variation] = {
    ("improvement", "high"): "special_cause_improvement_high",
    ("improvement", "low"): "special_cause_improvement_low",
    ("concern", "high"): "special_cause_concern_high",
    ("concern", "low"): "special_cause_concern_low",
    ("neutral", "high"): "special_cause_neutral_high",
    ("neutral", "low"): "special_cause_neutral_low",
}


def assurance_icon(result: XmrResult, target: float, polarity: Polarity) -> Assurance | None:
    """Whether the latest phase's process limits always, never or sometimes meet ``target``.

    Higher is better: the lower limit at or above the target always passes, the upper limit
    below it always fails, otherwise hit and miss (mirrored when lower is better).  None when
    the polarity is neutral or there are no points.
    """
    if polarity == "neutral" or not result.phases:
        return None
    limits = result.phases[-1]
    if polarity == "higher_is_better":
        if limits.lower_process_limit >= target:
            return "consistently_pass"
        if limits.upper_process_limit < target:
            return "consistently_fail"
    else:
        if limits.upper_process_limit <= target:
            return "consistently_pass"
        if limits.lower_process_limit > target:
            return "consistently_fail"
    return "hit_and_miss"
