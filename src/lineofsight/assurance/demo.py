"""Demo history: multi-agency audits and re-audits, Section 11 rounds and the challenge log
(2015-2021, synthetic, deterministic for a seed and a day; idempotent: skipped if already loaded).

Dates stay consistent with today: past Section 11 rounds are closed with their returns submitted
when the round ran, and this year's round is open, due in six weeks, some agencies drafting.
Actions still open are kept current by ``actions.demo`` (loaded last)."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from lineofsight.actions import services as action_services
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.assurance import standards
from lineofsight.assurance.demo_history import (
    AUDITS,
    CHALLENGES,
    S11_DEVELOPMENT,
    S11_EVIDENCE,
    S11_SUMMARIES,
)
from lineofsight.assurance.models import Audit, Grade, Section11Return
from lineofsight.assurance.services import audits, challenges, section11
from lineofsight.lib.demo import demo_loader
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership

AUDIT_AGENCIES = ["trust", "police", "health", "education", "council", "domestic_abuse"]
S11_AGENCIES = ["council", "trust", "police", "health", "education", "domestic_abuse", "voluntary"]
S11_YEARS = (2017, 2019, 2021)


def _grade(rng: random.Random, quality: float) -> str:
    if rng.random() < quality:
        return Grade.OUTSTANDING if rng.random() < 0.15 else Grade.GOOD
    return Grade.INADEQUATE if rng.random() < 0.25 else Grade.REQUIRES_IMPROVEMENT


def _quarter_end(year: int, quarter: int) -> dt.date:
    month = 3 + 3 * quarter
    return dt.date(year + (month > 12), (month - 1) % 12 + 1, 28)


@demo_loader(Audit, "assurance history")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """multi-agency audits, Section 11 self-assessments and the challenge log"""
    rng = random.Random(f"assurance-{seed}")
    sync_themes(LearningTheme)
    agencies = {a.code: a for a in Agency.objects.filter(partnership=partnership)}
    with transaction.atomic():
        _audits(rng, partnership, agencies)
        _section11(rng, partnership, agencies, today)
        _challenges(rng, partnership, agencies)
    print(
        f"  {Audit.objects.filter(partnership=partnership).count()} audits, "
        f"{len(S11_YEARS) + 1} Section 11 rounds, {len(CHALLENGES)} challenges"
    )


def _audits(rng: random.Random, partnership, agencies: dict[str, Agency]) -> None:
    made: dict[str, Audit] = {}
    involved = [agencies[c] for c in AUDIT_AGENCIES if c in agencies]
    for spec in AUDITS:
        audit = audits.create_audit(
            actor=SYSTEM,
            partnership=partnership,
            title=spec.title,
            theme=spec.theme,
            year=spec.year,
            quarter=spec.quarter,
            lead="Quality and performance sub-group",
            lead_agency=agencies.get(spec.lead_agency),
            expert=spec.expert,
            purpose=spec.purpose,
            summary=spec.summary,
            status=Audit.Status.COMPLETE,
            original=made.get(spec.original),
            themes=list(spec.themes),
        )
        made[spec.key] = audit
        for number in range(1, spec.cases + 1):
            chosen = rng.sample(involved, k=min(len(involved), rng.randint(3, 5)))
            audits.add_case(
                actor=SYSTEM,
                audit=audit,
                reference=f"MAA-{spec.year}{spec.quarter}-{number:02d}",
                case_type=rng.choice(spec.case_types),
                gradings={a: _grade(rng, spec.quality) for a in chosen},
            )
        for kind, text in spec.findings:
            finding = audits.add_finding(
                actor=SYSTEM, audit=audit, kind=kind, text=text, themes=list(spec.themes[:1])
            )
            if kind == "improvement":
                owner = agencies.get(spec.lead_agency) or rng.choice(involved)
                raised = _quarter_end(spec.year, spec.quarter)
                action = action_services.raise_action(
                    actor=SYSTEM,
                    title=f"Act on: {text[:200]}",
                    record=finding,
                    owner_agency=owner,
                    due_date=raised + dt.timedelta(days=rng.choice((90, 120, 180))),
                    themes=list(spec.themes[:1]),
                    at=dt.datetime.combine(raised, dt.time(10), tzinfo=dt.UTC),
                )
                if spec.year < 2021 and rng.random() < 0.8:
                    closed = raised + dt.timedelta(days=rng.randint(60, 240))
                    action_services.close_action(
                        actor=SYSTEM,
                        action=action,
                        expected_version=action.version,
                        impact_evidence="The follow-up audit showed the change in practice",
                        at=dt.datetime.combine(closed, dt.time(10), tzinfo=dt.UTC),
                    )


def _current_round(today: dt.date) -> tuple[int, dt.date]:
    """This year's round, due six weeks from today (so it is open, with some agencies drafting)."""
    return today.year, today + dt.timedelta(days=42)


def _section11(
    rng: random.Random, partnership, agencies: dict[str, Agency], today: dt.date
) -> None:
    current_year, current_due = _current_round(today)
    for year in (*S11_YEARS, current_year):
        current = year == current_year
        due = current_due if current else dt.date(year, 6, 30)
        round_ = section11.create_round(
            actor=SYSTEM, partnership=partnership, year=year, due_date=due
        )
        for code in S11_AGENCIES:
            agency = agencies.get(code)
            if agency is None:
                continue
            ret = section11.start_return(actor=SYSTEM, round_=round_, agency=agency)
            answers = {}
            for item, evidence in zip(standards.standards(), S11_EVIDENCE, strict=True):
                roll = rng.random()
                rating = (
                    "fully_met" if roll < 0.7 else "partially_met" if roll < 0.95 else "not_met"
                )
                answers[item.code] = {
                    "rating": rating,
                    "evidence": evidence,
                    "development_point": ""
                    if rating == "fully_met"
                    else S11_DEVELOPMENT[item.code],
                }
            # in the current round some agencies are still drafting
            submit = not current or rng.random() < 0.6
            section11.save_return(
                actor=SYSTEM,
                section11_return=ret,
                expected_version=1,
                answers=answers,
                submit=submit,
            )
            if submit:  # submitted when the round ran (before its due date), not today
                days_early = rng.randint(1, 20) if current else rng.randint(1, 40)
                on = min(due - dt.timedelta(days=days_early), today - dt.timedelta(days=1))
                Section11Return.objects.filter(pk=ret.pk).update(
                    submitted_at=dt.datetime.combine(on, dt.time(11), tzinfo=dt.UTC)
                )
        if year in S11_SUMMARIES:
            strengths, themes = S11_SUMMARIES[year]
            section11.update_round(
                actor=SYSTEM,
                round_=round_,
                expected_version=round_.version,
                status="closed",
                strengths=strengths,
                development_themes=themes,
            )
        submitted = Section11Return.objects.filter(round=round_, status="submitted")
        for answer in [a for r in submitted for a in r.answers.exclude(development_point="")][:3]:
            action_services.raise_action(
                actor=SYSTEM,
                record=answer,
                title=answer.development_point[:300],
                owner_agency=answer.section11_return.agency,
                due_date=dt.date(year + 1, 3, 31) if not current else today + dt.timedelta(150),
            )


def _challenges(rng: random.Random, partnership, agencies: dict[str, Agency]) -> None:
    for raised, by, person, to, subject, response, outcome, status in CHALLENGES:
        if by not in agencies or to not in agencies:
            continue
        raised_on = dt.date.fromisoformat(raised)
        challenges.create_challenge(
            actor=SYSTEM,
            partnership=partnership,
            raised_on=raised_on,
            raised_by_agency=agencies[by],
            raised_by_person=person,
            challenged_agency=agencies[to],
            subject=subject,
            response=response,
            response_date=raised_on + dt.timedelta(days=rng.randint(14, 70)) if response else None,
            outcome=outcome,
            status=status,
        )
