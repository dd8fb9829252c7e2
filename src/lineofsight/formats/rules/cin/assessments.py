"""CIN rules on assessments and section 47 enquiries: dates, timeliness, factors, overlaps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from lineofsight.calendar.timescales import ASSESSMENT, ICPC
from lineofsight.formats.rules.cin.model import CinChild, CinEpisode, day
from lineofsight.formats.rules.cin.run import CinRun, assessments, at, section47s
from lineofsight.formats.rules.registry import ALL_YEARS, rule, years

Row = dict[str, object]


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


@dataclass(frozen=True)
class OpenItems:
    """Assessments or section 47 enquiries, for the rules on those still open at the year end."""

    part: str  # the location's part, "Assessments" or "Section47"
    field: str  # the start date's census field
    items: Callable[[CinChild], Iterator[tuple[CinEpisode, int, Row]]]
    is_open: Callable[[Row], bool]
    timescale: int  # working days it may stay open (ASSESSMENT, ICPC)


def open_started_rule(code: str, text: str, kind: OpenItems, overdue: bool) -> None:
    """Rule ``code``: each open item of ``kind`` whose start date falls outside the census year
    or, when ``overdue``, more than its timescale in working days before the year's end."""

    def open_items_started(child: CinChild, run: CinRun) -> None:
        cutoff = run.working_days_before_end(kind.timescale) if overdue else None
        for episode, k, item in kind.items(child):
            start = day(item["start_date"])
            if not kind.is_open(item) or start is None:
                continue
            flagged = start < cutoff if cutoff is not None else not run.in_year(start)
            if flagged:
                where = at(child, episode, kind.part, k)
                run.report(code, child, where, kind.field, start.isoformat())

    rule("cin", code, text)(open_items_started)


ASSESSMENTS = OpenItems(
    "Assessments",
    "AssessmentActualStartDate",
    assessments,
    lambda item: item["authorisation_date"] is None,
    ASSESSMENT.amount,
)
SECTION47S = OpenItems(
    "Section47",
    "S47ActualStartDate",
    section47s,
    # no conference, and ICPCnotRequired false (not merely absent)
    # (or 0: the public validator reads only "0")
    lambda item: item["icpc_date"] is None and item["icpc_not_required"] is False,
    ICPC.amount,
)


@rule("cin", "8696", "Assessment end date must fall within the census year")
def authorised_before_year(child: CinChild, run: CinRun) -> None:
    """Authorised before the census year began (after its end is the parser's date check)."""
    for episode, k, item in assessments(child):
        done = day(item["authorisation_date"])
        if done is not None and done < run.start:
            where = at(child, episode, "Assessments", k)
            run.report("8696", child, where, "AssessmentAuthorisationDate", done.isoformat())


open_started_rule(
    "8736",
    "For an Assessment that has not been completed, the start date must fall "
    "within the census year",
    ASSESSMENTS,
    overdue=False,
)
open_started_rule(
    "8670Q",
    "Please check and either amend data or provide a reason: Assessment started "
    "more than 45 working days before the end of the census year. However, there is no "
    "Assessment end date.",
    ASSESSMENTS,
    overdue=True,
)


def _factors(item: Row) -> list[str]:
    return str(item["factors"] or "").split()


def _each_assessment(
    code: str,
    text: str,
    fails: Callable[[Row, CinRun], bool],
    name: str,
    value: Callable[[Row], str] | None = None,
    applies: frozenset[int] = ALL_YEARS,
) -> None:
    """Rule ``code``: each assessment for which ``fails(item, run)`` holds is reported at its
    AssessmentFactors (with ``value(item)`` when given)."""

    def check(child: CinChild, run: CinRun) -> None:
        for episode, k, item in assessments(child):
            if fails(item, run):
                where = at(child, episode, "Assessments", k)
                run.report(code, child, where, "AssessmentFactors", value(item) if value else "")

    check.__name__ = name
    rule("cin", code, text, applies)(check)


_each_assessment(
    "8614",
    "Parental or child factors at assessment should only be present for a completed assessment.",
    lambda item, run: item["authorisation_date"] is None and bool(item["factors"]),
    "factors_on_open_assessment",
)
_each_assessment(
    "8897Q",
    "Parental or child factors at assessment information is missing from a completed assessment",
    lambda item, run: (
        (done := day(item["authorisation_date"])) is not None
        and done >= run.start
        and not item["factors"]
    ),
    "factors_missing",
)
_each_assessment(
    "8898",
    " The assessment has more than one parental or child factors with the same code",
    lambda item, run: len(_factors(item)) != len(set(_factors(item))),
    "factors_repeated",
    lambda item: " ".join(_factors(item)),
)
_each_assessment(
    "8869",
    "The assessment factors code “21” cannot be used in conjunction with any "
    "other assessment factors.",
    lambda item, run: "21" in _factors(item) and len(_factors(item)) > 1,
    "no_factors_with_others",
    lambda item: " ".join(_factors(item)),
)
_each_assessment(
    "8945Q",
    "Please check and either amend data or provide a reason: the assessment "
    "factors code '18A' should not be used ('18B' or '18C' should be used instead)",
    lambda item, run: "18A" in _factors(item),
    "factor_18a",
    lambda item: "18A",
    years(2025),
)
_each_assessment(
    "8950Q",
    "Please check and either amend data or provide a reason: the assessment "
    "factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    lambda item, run: "19A" in _factors(item),
    "factor_19a",
    lambda item: "19A",
    years(2025),
)


def _overlapping(
    items: list[Row], end_key: str, reference: date, still_open: object = None
) -> list[int]:
    """Indexes of items starting on or after another's start and on or before its end (or the
    reference date when it has none); identical items are not compared."""
    found = []
    for i, a in enumerate(items):
        start = day(a["start_date"])
        if start is None:
            continue
        for j, b in enumerate(items):
            other = day(b["start_date"])
            if i == j or other is None or (other == start and b[end_key] == a[end_key]):
                continue
            end = day(b[end_key])
            if start >= other and (
                (end is not None and start <= end)
                or (end is None and start <= reference and (still_open is None or still_open(b)))  # type: ignore[operator]
            ):
                found.append(i)
                break
    return found


@rule(
    "cin", "8863Q", "An Assessment is shown as starting when there is another Assessment ongoing."
)
def assessments_overlap(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if len(episode.assessments) > 1:
            for i in _overlapping(episode.assessments, "authorisation_date", run.reference_date):
                where = at(child, episode, "Assessments", i + 1)
                run.report("8863Q", child, where, "AssessmentActualStartDate")


@rule("cin", "8896", "Within one CINDetails group there are 2 or more open Assessments groups")
def two_open_assessments(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if sum(1 for a in episode.assessments if a["authorisation_date"] is None) > 1:
            run.report("8896", child, at(child, episode), "AssessmentAuthorisationDate")


@rule(
    "cin",
    "2991Q",
    "Please check and either amend data or provide a reason: A Section 47 "
    "module is recorded and there is no assessment on the episode",
)
def s47_without_assessment(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if episode.s47s and not episode.assessments:
            run.report("2991Q", child, at(child, episode), "Assessments")


def _s47_open(item: Row) -> bool:
    return item["icpc_date"] is None and item["icpc_not_required"] is not True


open_started_rule(
    "8740",
    "For a Section 47 Enquiry that has not held the Initial Child Protection "
    "Conference by the end of the census year, the start date must fall within the census "
    "year",
    SECTION47S,
    overdue=False,
)
open_started_rule(
    "8675Q",
    "Please check and either amend data or provide a reason: S47 Enquiry "
    "started more than 15 working days before the end of the census year. However, there is "
    "no date of Initial Child Protection Conference.",
    SECTION47S,
    overdue=True,
)


@rule("cin", "8839", "Within one CINDetails group there are 2 or more open S47 Assessments")
def two_open_s47s(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if sum(1 for s in episode.s47s if _s47_open(s)) > 1:
            run.report("8839", child, at(child, episode), "DateOfInitialCPC")


@rule(
    "cin",
    "8890",
    "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
)
def s47s_overlap(child: CinChild, run: CinRun) -> None:
    for episode in child.episodes:
        if len(episode.s47s) > 1:
            found = _overlapping(episode.s47s, "icpc_date", run.reference_date, _s47_open)
            for i in found:
                where = at(child, episode, "Section47", i + 1)
                run.report("8890", child, where, "S47ActualStartDate")


@rule(
    "cin",
    "8870Q",
    "Please check and either amend or provide a reason: The Target Date for "
    "Initial Child Protection Conference should not be a weekend",
)
def target_on_weekend(child: CinChild, run: CinRun) -> None:
    for episode, k, item in section47s(child):
        target = day(item["icpc_target_date"])
        if target is not None and is_weekend(target):
            where = at(child, episode, "Section47", k)
            run.report("8870Q", child, where, "InitialCPCtarget", target.isoformat())


@rule("cin", "8875", "The Date of Initial Child Protection Conference cannot be a weekend")
def conference_on_weekend(child: CinChild, run: CinRun) -> None:
    """The public validator checks the Section 47 conference only; the DfE's wording names
    DateOfInitialCPC (N00110), which a CINdetails may also hold, so that is checked too."""
    for episode in child.episodes:
        for k, item in enumerate(episode.s47s, start=1):
            conference = day(item["icpc_date"])
            if conference is not None and is_weekend(conference):
                where = at(child, episode, "Section47", k)
                run.report("8875", child, where, "DateOfInitialCPC", conference.isoformat())
        if episode.icpc is not None and is_weekend(episode.icpc):
            run.report("8875", child, at(child, episode), "DateOfInitialCPC", episode.icpc)


@rule("cin", "8715", "Date of Initial Child Protection Conference must fall within the census year")
def conference_before_year(child: CinChild, run: CinRun) -> None:
    """Before the census year began (after its end is the parser's date check)."""
    for episode in child.episodes:
        dates = [s["icpc_date"] for s in episode.s47s] + [episode.icpc]
        for conference in dates:
            if isinstance(conference, date) and conference < run.start:
                run.report("8715", child, at(child, episode), "DateOfInitialCPC", conference)
