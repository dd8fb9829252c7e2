"""SSDA903 rules on previous permanence (PrevPerm): the option, its date and local authority."""

from __future__ import annotations

from datetime import date, timedelta

from lineofsight.formats.rules.registry import rule
from lineofsight.formats.rules.ssda903.common import value_listed
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

OPTIONS = frozenset({"P1", "P2", "P3", "P4", "Z1"})
LA_CODES = frozenset(
    (
        "800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,"
        "896,381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,"
        "203,876,850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,"
        "888,208,856,383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,"
        "928,891,392,316,815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,"
        "373,342,893,356,355,871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,"
        "880,358,211,937,869,320,359,865,384,335,336,212,868,872,885,344,877,213,938,816,999"
    ).split(",")
) | {"WAL", "SCO", "NUK", "NIR"}


def _rows(child: Child903) -> list[Row903]:
    return child.table("PrevPerm")


def permanence_date(text: str | None) -> date | None:
    """DATE_PERM: dd/mm/YYYY where an unknown day or month may be ZZ (then the latest date it
    could be: the month's or year's last day) and an unknown year ZZZZ."""
    if text is None:
        return None
    parts = text.split("/")
    if len(parts) != 3:
        return None
    day, month, year = parts
    try:
        if year == "ZZZZ":
            year = "2000"
        if month == "ZZ":
            return (
                date(int(year), 12, 31)
                if day == "ZZ"
                else date(int(year) + 1, 1, int(day)) - timedelta(days=1)
            )
        if day == "ZZ":
            first = date(int(year), int(month), 1)
            following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


value_listed(
    "631", "Previous permanence option not a valid value.", "PrevPerm", "PREV_PERM", OPTIONS
)
value_listed(
    "633",
    "Local authority code where previous permanence option was arranged is not a valid value.",
    "PrevPerm",
    "LA_PERM",
    LA_CODES,
)


@rule(
    "ssda903",
    "635",
    "There are entries for date of order and local authority code where previous permanence "
    "option was arranged but previous permanence code is Z1",
)
def details_without_option(child: Child903, run: Run903) -> None:
    """As the public validator: details given with no option at all."""
    for item in _rows(child):
        if (item.has("LA_PERM") or item.has("DATE_PERM")) and not item.has("PREV_PERM"):
            run.report("635", item, "PREV_PERM")


@rule(
    "ssda903",
    "632",
    "Date of previous permanence order not a valid value. NOTE: This rule may result in false "
    "negatives where the period of care started before the current collection year",
)
def permanence_date_invalid(child: Child903, run: Run903) -> None:
    dated = [e for e in child.episodes if e.day("DECOM") is not None]
    if not dated:
        return
    first = dated[0].day("DECOM")
    for item in _rows(child):
        raw = item.text("DATE_PERM")
        when = permanence_date(raw)
        if (raw is not None and when is None) or (
            when is not None and first is not None and when >= first
        ):
            run.report("632", item, "DATE_PERM", raw or "")


@rule(
    "ssda903",
    "634",
    "There are entries for previous permanence options, but child has not started to be looked "
    "after from 1 April 2016 onwards.",
)
def permanence_for_old_period(child: Child903, run: Run903) -> None:
    starts = [d for e in child.episodes if (d := e.day("DECOM")) is not None]
    if not starts or max(starts) >= run.start:
        return
    for item in _rows(child):
        if item.has("PREV_PERM") or item.has("DATE_PERM") or item.has("LA_PERM"):
            run.report("634", item, "PREV_PERM")


@rule("ssda903", "630", "Information on previous permanence option should be returned.")
def permanence_missing(child: Child903, run: Run903) -> None:
    """For each episode starting a period of care in the year (RNE S): a PrevPerm row, with an
    option, and (unless Z1) its local authority and date."""
    if "PrevPerm" not in run.typed:
        return
    rows = _rows(child)
    for episode in child.episodes:
        start = episode.day("DECOM")
        if episode.text("RNE") != "S" or start is None or start < run.start:
            continue
        if not rows or any(
            not r.has("PREV_PERM")
            or (r.text("PREV_PERM") != "Z1" and not (r.has("LA_PERM") and r.has("DATE_PERM")))
            for r in rows
        ):
            run.report("630", episode, "RNE", "S")
