"""CIN rules on CIN episodes (``CINdetails``): dates, order, overlaps, closure and NFA."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from lineofsight.formats.rules.cin.model import CinChild, CinEpisode, day
from lineofsight.formats.rules.cin.run import CinRun, at, working_days_before
from lineofsight.formats.rules.registry import rule

CLOSED_AFTER_ASSESSMENT = frozenset({"RC8", "RC9"})


def _open_with_action(episode: CinEpisode) -> bool:
    return episode.row["closure_date"] is None and episode.row["referral_nfa"] is False


@rule("cin", "8620", "CIN Closure Date present and does not fall within the Census year")
def closure_before_year(child: CinChild, run: CinRun) -> None:
    """Closed before the census year began (after its end is the parser's date check)."""
    for episode in child.episodes:
        closure = day(episode.row["closure_date"])
        if closure is not None and closure < run.start:
            run.report("8620", child, at(child, episode), "CINclosureDate", closure.isoformat())


@rule(
    "cin",
    "8815",
    "More than one open CIN Details episode (a module with no CIN Closure Date) "
    "has been provided for this child and case is not a referral with no further action.",
)
def two_open_episodes(child: CinChild, run: CinRun) -> None:
    if sum(1 for e in child.episodes if _open_with_action(e)) > 1:
        for episode in child.episodes:
            if episode.row["closure_date"] is None:
                run.report("8815", child, at(child, episode), "CINclosureDate")


@rule(
    "cin",
    "8816",
    "An open CIN episode is shown and case is not a referral with no further "
    "action, but it is not the latest episode.",
)
def open_not_latest(child: CinChild, run: CinRun) -> None:
    referrals = [d for e in child.episodes if (d := day(e.row["referral_date"])) is not None]
    if len(referrals) < 2:
        return
    latest = max(referrals)
    for episode in child.episodes:
        referral = day(episode.row["referral_date"])
        if referral is not None and referral < latest and _open_with_action(episode):
            run.report("8816", child, at(child, episode), "CINreferralDate", referral.isoformat())


@rule("cin", "8820", "The dates on the CIN episodes for this child overlap")
def episodes_overlap(child: CinChild, run: CinRun) -> None:
    """An episode starts on or after another's referral and before that one closed (or, for an
    open episode that went on to further action, before the reference date)."""
    episodes = [e for e in child.episodes if e.row["referral_date"] is not None]
    if len(episodes) < 2:
        return
    for a in episodes:
        start = day(a.row["referral_date"])
        assert start is not None
        for b in episodes:
            if a is b:
                continue
            other = day(b.row["referral_date"])
            assert other is not None
            closure = day(b.row["closure_date"])
            if start >= other and (
                (closure is not None and start < closure)
                or (
                    closure is None
                    and b.row["referral_nfa"] is False
                    and start < run.reference_date
                )
            ):
                run.report("8820", child, at(child, a), "CINreferralDate", start.isoformat())
                break


@rule(
    "cin",
    "8569Q",
    "A case with referral date before one working day prior to the collection "
    "start date must not be flagged as a no further action case",
)
def old_referral_nfa(child: CinChild, run: CinRun) -> None:
    cutoff = working_days_before(run.start, 1)
    for episode in child.episodes:
        referral = day(episode.row["referral_date"])
        if referral is not None and referral < cutoff and episode.row["referral_nfa"] is not False:
            run.report("8569Q", child, at(child, episode), "ReferralNFA", referral.isoformat())


@rule("cin", "8565", "Activity shown after a case has been closed")
def activity_after_closure(child: CinChild, run: CinRun) -> None:
    """Closure must be on or after every assessment, section 47, conference and plan end date."""
    for episode in child.episodes:
        closure = day(episode.row["closure_date"])
        if closure is None:
            continue
        dates: list[object] = [episode.icpc]
        for item in episode.assessments:
            dates += [item["start_date"], item["authorisation_date"]]
        for item in episode.s47s:
            dates += [item["start_date"], item["icpc_date"]]
        for cpp in episode.cpps:
            dates.append(cpp.row["end_date"])
        if any(isinstance(d, date) and closure < d for d in dates):
            run.report("8565", child, at(child, episode), "CINclosureDate", closure.isoformat())


def _each_episode(
    code: str,
    text: str,
    field: str,
    fails: Callable[[CinEpisode], bool],
    name: str,
    value: Callable[[CinEpisode], object] | None = None,
) -> None:
    """Rule ``code``: each episode for which ``fails(episode)`` holds is reported at ``field``
    (with ``value(episode)`` when given)."""

    def check(child: CinChild, run: CinRun) -> None:
        for episode in child.episodes:
            if fails(episode):
                run.report(code, child, at(child, episode), field, value(episode) if value else "")

    check.__name__ = name
    rule("cin", code, text)(check)


def _closure_reason(episode: CinEpisode) -> object:
    return episode.row["closure_reason"]


def _nfa(episode: CinEpisode) -> bool:
    return episode.row["referral_nfa"] is True


_each_episode(
    "8831",
    "Activity is recorded against a case marked as a referral with no further action",
    "ReferralNFA",
    lambda episode: (
        _nfa(episode)
        and (
            episode.icpc is not None
            or any(s["start_date"] is not None for s in episode.s47s)
            or any(
                a["start_date"] is not None or a["authorisation_date"] is not None
                for a in episode.assessments
            )
        )
    ),
    "nfa_with_activity",
)
_each_episode(
    "8832",
    "Child Protection details provided for a referral with no further action.",
    "ReferralNFA",
    lambda episode: _nfa(episode) and bool(episode.cpps),
    "nfa_with_protection_plan",
)
_each_episode(
    "4000",
    "CIN Plan details provided for a referral with no further action",
    "ReferralNFA",
    lambda episode: _nfa(episode) and bool(episode.plans),
    "nfa_with_cin_plan",
)
_each_episode(
    "2990",
    "Activity is recorded against a case marked as ‘Case closed after "
    "assessment, no further action’ or 'case closed after assessment, referred to early "
    "help'.",
    "ReasonForClosure",
    lambda episode: (
        episode.row["closure_reason"] in CLOSED_AFTER_ASSESSMENT
        and bool(episode.s47s or episode.cpps or episode.plans or episode.icpc is not None)
    ),
    "closed_after_assessment_with_activity",
    _closure_reason,
)
_each_episode(
    "8825Q",
    "Please check and either amend data or provide a reason: Reason for Closure "
    "code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to "
    "early help) has been returned but there is no assessment present for the episode.",
    "ReasonForClosure",
    lambda episode: (
        episode.row["closure_reason"] in CLOSED_AFTER_ASSESSMENT and not episode.assessments
    ),
    "closed_after_assessment_without_one",
    _closure_reason,
)
_each_episode(
    "8867",
    "CIN episode is shown as closed, however Assessment is not shown as completed",
    "CINclosureDate",
    lambda episode: (
        episode.row["closure_date"] is not None
        and any(a["authorisation_date"] is None for a in episode.assessments)
    ),
    "closed_with_open_assessment",
)
_each_episode(
    "8868",
    "CIN episode is shown as closed, however Section 47 enquiry is not shown as "
    "completed by ICPC date or ICPC not required flag",
    "CINclosureDate",
    lambda episode: (
        episode.row["closure_date"] is not None
        and any(s["icpc_date"] is None and s["icpc_not_required"] is not True for s in episode.s47s)
    ),
    "closed_with_open_s47",
)
_each_episode(
    "8873Q",
    "Please check and either amend data or provide a reason: When there is only "
    "one assessment on the episode and the factors code “21 No factors identified” has been "
    "used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
    "ReasonForClosure",
    lambda episode: (
        len(episode.assessments) == 1
        and "21" in str(episode.assessments[0]["factors"] or "").split()
        and episode.row["closure_reason"] not in CLOSED_AFTER_ASSESSMENT
    ),
    "no_factors_not_closed_after_assessment",
)


@rule(
    "cin",
    "2884",
    "An initial child protection conference is recorded at both the S47 and CIN "
    "Details level and it should only be recorded in one",
)
def conference_twice(child: CinChild, run: CinRun) -> None:
    s47_dates = {s["icpc_date"] for e in child.episodes for s in e.s47s}
    for episode in child.episodes:
        if episode.icpc is not None and episode.icpc in s47_dates:
            run.report("2884", child, at(child, episode), "DateOfInitialCPC", episode.icpc)


@rule(
    "cin",
    "1104",
    "The date of the initial child protection conference cannot be before the referral date",
)
def conference_before_referral(child: CinChild, run: CinRun) -> None:
    """Checked on the Section 47 conferences, as the public validator does; the DfE's wording
    names DateOfInitialCPC (N00110), which a CINdetails may also hold, so that is checked too."""
    for episode in child.episodes:
        referral = day(episode.row["referral_date"])
        if referral is None:
            continue
        dates = [s["icpc_date"] for s in episode.s47s] + [episode.icpc]
        for conference in dates:
            if isinstance(conference, date) and conference < referral:
                run.report("1104", child, at(child, episode), "DateOfInitialCPC", conference)
                break
