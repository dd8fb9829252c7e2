"""The declared specification of an indicator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lineofsight.indicators.periods import PeriodType

Unit = Literal["count", "percent", "rate_per_10k", "rate_per_100k"]
Polarity = Literal["higher_is_better", "lower_is_better", "neutral"]
Source = Literal["cin_census", "ssda903", "annex_a", "partner_return"]
Counting = Literal["events", "children", "open_at_end", "latest_in_period"]
BreakdownFrom = Literal["row", "episode"]

RATE_BASE: dict[str, int] = {"rate_per_10k": 10_000, "rate_per_100k": 100_000}


def possible_range(unit: str) -> tuple[float, float | None]:
    """The values a measure in ``unit`` can take: 0 to 100 for a percentage, 0 upwards for a
    count or a rate (process limits are clipped to it)."""
    return (0.0, 100.0) if unit == "percent" else (0.0, None)


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator, declared.

    ``numerator_sql`` and ``denominator_sql`` are SELECTs over the normalised tables (by their
    names in ``lineofsight.formats.tables``; CIN child tables also carry the ``referral_date`` of
    their episode).  Every row must carry the ``la_code`` of the table it comes from, so that
    one query can compute many local authorities at once (``engine.compute_many``); window
    functions over a child partition by ``la_code`` too.  What else they must return depends on
    ``counting``:

    - ``events``: ``event_date`` (DATE), ``amount`` (number) and ``breakdown`` (text or NULL);
      a period's figure is the sum of ``amount`` over rows whose ``event_date`` lies in it.
    - ``children``: ``event_date``, ``child_id`` and ``breakdown``; distinct children with an
      event in the period.
    - ``open_at_end``: ``child_id``, ``open_from``, ``open_to`` (NULL while open) and
      ``breakdown``; distinct children open at the period's last day
      (``open_from <= end`` and ``open_to`` NULL or after it).
    - ``latest_in_period``: like ``events``, but only rows with the latest ``event_date`` in the
      period count (a stock reported each month, e.g. cases open).

    ``breakdowns`` names the dimensions (``indicators.breakdowns.DIMENSIONS``) the figures are
    also given by; the numerator's and denominator's rows then carry ``child_id`` and what
    ``breakdowns.with_dimensions`` reads (``breakdown_from`` "episode": referral source and
    primary need come from the CIN episode of the row's ``referral_date``).

    ``denominator_sql`` None means: no denominator (counts) or, for rates, the under-18
    population of the financial year holding the period's end.  ``tables`` lists every table the
    SQL reads: when any has no files, the indicator has no results.
    """

    id: str
    title: str
    meaning_for_children: str
    numerator_sql: str
    denominator_sql: str | None
    unit: Unit
    period_types: tuple[PeriodType, ...]
    polarity: Polarity
    source: Source
    dfe_definition: str
    benchmark_key: str | None
    tables: tuple[str, ...]
    counting: Counting = "events"
    denominator_counting: Counting = "events"
    breakdowns: tuple[str, ...] = ()
    breakdown_from: BreakdownFrom = "row"
