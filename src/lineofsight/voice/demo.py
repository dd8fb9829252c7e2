"""Demo: a synthetic year of independent scrutiny, feedback from children and families ("You
said, we did"), a practitioner survey imported from CSV through ``ingest`` like a real file, and
the practitioner forum, modelled on the 2020-21 annual report (the scrutineer's review of the
arrangements, the board's drift, the acute trust's absence from the board, the threshold
document; advocates, young advisors, conference chairs' compliments; the practitioner forum under
lockdown).  Synthetic throughout: no real person, place or organisation.  Deterministic for a
seed; idempotent (a second run finds the activities and stops).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lineofsight.actions import services as actions
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.themes import sync_themes
from lineofsight.lib.demo import demo_loader, ingest_demo_file
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.voice import services
from lineofsight.voice.models import ScrutinyActivity

# (date, kind, title, examined, evidence, findings, [(recommendation, agency, themes, closed)])
Recommendations = list[tuple[str, str, list[str], bool]]
ACTIVITIES: list[tuple[dt.date, str, str, str, str, str, Recommendations]] = [
    (
        dt.date(2021, 1, 26),
        "practitioners",
        "Introductory conversations with the partners",
        "How the three statutory partners share the lead between meetings",
        "Conversations with the chief officers, the business manager and sub-group chairs",
        "Work between meetings relies heavily on the council's director of children's services "
        "and local authority staff.",
        [
            (
                "Agree how each statutory partner leads work between chief officers' meetings",
                "council",
                ["think-family"],
                True,
            )
        ],
    ),
    (
        dt.date(2021, 3, 17),
        "meeting",
        "Observation of the partnership board",
        "The board meeting: agenda, papers, time allowed and decisions",
        "Agenda and papers of the last four board meetings; the meeting observed",
        "The board has drifted: it has no clear priorities nor a plan to deliver them, and far too "
        "little time is allocated to its meetings to achieve anything of substance.",
        [
            (
                "Agree the board's priorities and a delivery plan for 2021-22",
                "business_unit",
                [],
                True,
            ),
            (
                "Allow enough time for board meetings to hold agencies to account",
                "business_unit",
                [],
                True,
            ),
        ],
    ),
    (
        dt.date(2021, 6, 10),
        "arrangements",
        "Review of the multi-agency safeguarding arrangements",
        "The published arrangements, the chief officers' group and the board",
        "Published arrangements 2019; minutes since 2019; performance and audit reports received",
        "The chief officers' group receives no systematic information about the performance of "
        "the multi-agency system; neither it nor the board has a clear line of sight into the "
        "quality of front-line practice.",
        [
            (
                "Give the chief officers' group and the board systematic multi-agency performance "
                "information",
                "business_unit",
                ["information-sharing"],
                False,
            ),
            (
                "Re-establish a programme of multi-agency audit of front-line practice",
                "business_unit",
                ["assessment-and-planning"],
                False,
            ),
        ],
    ),
    (
        dt.date(2021, 7, 21),
        "assurance",
        "Scrutiny of the first multi-agency audit report",
        "The audit's method, sample and conclusions",
        "The audit report and a sample of the audit tools",
        "The audit holds valuable findings on good practice and areas for improvement, but some "
        "of its conclusions are overoptimistic for the cases audited.",
        [
            (
                "Moderate multi-agency audit gradings before reports go to the board",
                "business_unit",
                ["assessment-and-planning"],
                False,
            )
        ],
    ),
    (
        dt.date(2021, 9, 15),
        "meeting",
        "Attendance of the acute hospital trust at the board",
        "Board attendance by agency since April 2020",
        "Attendance records of the board",
        "The acute hospital trust, which provides emergency health care to the area's children, "
        "has not been represented at the board since May 2020.",
        [("The acute hospital trust to attend the board and its sub-groups", "health", [], False)],
    ),
    (
        dt.date(2021, 11, 10),
        "assurance",
        "Scrutiny of the thresholds document",
        "The thresholds and levels of need document agreed in early 2021",
        "The document; referral and re-referral figures; conversations with front-door managers",
        "The document is dangerously restrictive: it says referrals to children's social care "
        "should be made only when a child is at risk of immediate harm.",
        [
            (
                "Revise the thresholds document and disseminate it across the partnership",
                "trust",
                ["thresholds"],
                True,
            )
        ],
    ),
    (
        dt.date(2021, 12, 8),
        "assurance",
        "Scrutiny of the exploitation profile",
        "The profile of children at risk of exploitation presented to the board",
        "The profile and the exploitation tracking list figures",
        "The number of young people identified as at risk of sexual exploitation is, all partners "
        "agree, likely to be a significant underestimate.",
        [
            (
                "Every agency to review how it identifies children at risk of sexual exploitation",
                "police",
                ["exploitation"],
                False,
            )
        ],
    ),
    (
        dt.date(2022, 1, 19),
        "children",
        "Conversation with the young advisors",
        "How young people's views reach the partnership and what changes",
        "A session with six young advisors; the participation group's feedback",
        "An impressive and active commitment to engaging with and listening to children and "
        "young people; what changes as a result is not yet reported to the board.",
        [
            (
                "Report what changed because of children's feedback to the board each quarter",
                "business_unit",
                ["voice-of-the-child"],
                False,
            )
        ],
    ),
    (
        dt.date(2022, 2, 16),
        "annual_report",
        "Scrutiny of the 2020-21 annual report",
        "The draft yearly report against Working Together",
        "The draft report and the evidence behind its figures",
        "The operational leadership of the pandemic response was strong; the formal governance "
        "did not function well for much of the year; there has been a substantial reset since.",
        [],
    ),
]

# (received, source, from, agency, said, changed, changed on, themes, publish)
FEEDBACK = [
    (
        dt.date(2020, 6, 4),
        "advocacy",
        "children",
        "trust",
        "My advocate listened a lot to what I said and helped me word what I was trying to "
        "explain to the conference. She made sure my voice was heard.",
        "Every child subject to a plan is now offered an advocate before each conference.",
        dt.date(2020, 9, 1),
        ["voice-of-the-child"],
        True,
    ),
    (
        dt.date(2020, 7, 15),
        "conference",
        "children",
        "trust",
        "We felt happy because you listened to us. I would like the same advocate to come again "
        "for my next conference.",
        "Children keep the same advocate for their review conferences wherever possible.",
        dt.date(2020, 10, 5),
        ["voice-of-the-child"],
        True,
    ),
    (
        dt.date(2020, 8, 20),
        "compliment",
        "parents",
        "trust",
        "The conference chair was non-judgemental and treated us with respect; we felt "
        "comfortable to speak.",
        "",
        None,
        [],
        False,
    ),
    (
        dt.date(2020, 9, 9),
        "survey",
        "parents",
        "trust",
        "Virtual conferences were hard to follow on a phone, and we could not always see who was "
        "speaking.",
        "Parents are offered a device or a quiet room to join virtual conferences, and the chair "
        "introduces each speaker.",
        dt.date(2020, 11, 2),
        [],
        True,
    ),
    (
        dt.date(2020, 10, 14),
        "young_advisors",
        "children",
        "council",
        "Young people want a say in who is appointed to work with them.",
        "Young advisors now sit on interview panels for social workers and managers.",
        dt.date(2021, 1, 11),
        ["voice-of-the-child"],
        True,
    ),
    (
        dt.date(2020, 11, 18),
        "participation_group",
        "children",
        "trust",
        "Children on plans said conference reports use words they do not understand.",
        "Conference chairs write to the child after each conference in plain words.",
        dt.date(2021, 2, 1),
        ["voice-of-the-child"],
        True,
    ),
    (
        dt.date(2020, 12, 2),
        "conference",
        "parents",
        "trust",
        "Fathers said they felt like an afterthought: invitations were addressed to mothers.",
        "Invitations are addressed to both parents, and fathers' attendance is reported to the "
        "board.",
        dt.date(2021, 3, 1),
        ["fathers-and-perpetrators"],
        True,
    ),
    (
        dt.date(2021, 1, 27),
        "young_advisors",
        "children",
        "council",
        "In lockdown young people felt isolated and did not know where to get help with their "
        "mental health.",
        "The young advisors co-produced a video on where to get help, shared in Children's Mental "
        "Health Week.",
        dt.date(2021, 2, 8),
        ["mental-health"],
        True,
    ),
    (
        dt.date(2021, 2, 10),
        "survey",
        "children",
        "trust",
        "Asked whether their child protection plan had been useful, most said it helped their "
        "family get support; some did not know what their plan said.",
        "Every child old enough now receives their plan in a child-friendly version.",
        dt.date(2021, 5, 4),
        ["voice-of-the-child", "assessment-and-planning"],
        True,
    ),
    (
        dt.date(2021, 3, 3),
        "complaint",
        "parents",
        "trust",
        "We were told about the initial conference only the day before.",
        "Invitations and reports are now sent as soon as the conference is booked, and the "
        "business support team checks parents have them.",
        dt.date(2021, 4, 19),
        [],
        False,
    ),
    (
        dt.date(2021, 3, 24),
        "young_advisors",
        "children",
        "council",
        "Young people want to know what there is to do and where to go in their communities.",
        "",
        None,
        [],
        False,
    ),
    (
        dt.date(2021, 6, 9),
        "compliment",
        "children",
        "trust",
        "Thank you for listening to me in my conference.",
        "",
        None,
        [],
        False,
    ),
    (
        dt.date(2021, 8, 25),
        "survey",
        "families",
        "council",
        "Families who had early help said they would have liked help sooner, before things got "
        "so bad.",
        "",
        None,
        ["early-help"],
        False,
    ),
]

SURVEY_REF = "workforce-2021"
STATEMENTS = [
    "I know how to escalate a concern about a child when I disagree with a decision",
    "The thresholds document helps me decide when to refer to children's social care",
    "I get the information I need from other agencies in time",
    "I have heard about learning from local case reviews in the last year",
    "My supervision helps me reflect on my safeguarding practice",
    "I feel able to see and hear the child in my work, even during the pandemic",
]
# agency -> (responses, chance of agreeing with each statement)
RESPONDENTS = {
    "trust": (96, [0.78, 0.42, 0.55, 0.71, 0.8, 0.62]),
    "council": (58, [0.7, 0.5, 0.6, 0.6, 0.74, 0.66]),
    "health": (64, [0.66, 0.46, 0.41, 0.58, 0.69, 0.7]),
    "education": (88, [0.61, 0.38, 0.44, 0.49, 0.55, 0.73]),
    "police": (31, [0.74, 0.45, 0.52, 0.55, 0.6, 0.58]),
    "voluntary": (4, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),  # a small team: suppressed
}

FORUMS = [
    (
        dt.date(2020, 7, 8),
        "The pandemic and front-line practice",
        42,
        ["trust", "council", "health", "education", "police", "voluntary"],
        "How services responded under lockdown; organisations moved to virtual technology to keep "
        "seeing children and families; practitioners worried about children they could not see.",
        "Agencies shared which visits must stay face to face; a joint message that safeguarding is "
        "everyone's responsibility.",
        ["voice-of-the-child"],
    ),
    (
        dt.date(2020, 10, 21),
        "Engaging families differently",
        35,
        ["trust", "council", "health", "voluntary"],
        "Early help workers found doorstep visits and video calls kept families engaged.",
        "Early help guidance on virtual and doorstep working agreed.",
        ["early-help"],
    ),
    (
        dt.date(2021, 1, 20),
        "Thresholds and the front door",
        38,
        ["trust", "council", "health", "education", "police"],
        "Practitioners said the thresholds document made them unsure when to refer; schools "
        "reported referrals returned without help.",
        "Practitioners' views fed the revision of the thresholds document.",
        ["thresholds"],
    ),
    (
        dt.date(2021, 3, 17),
        "Peer support under pressure",
        29,
        ["trust", "council", "health", "education"],
        "Staff wellbeing after a year of the pandemic; the value of reflective supervision.",
        "",
        ["supervision"],
    ),
]


def _survey_file(seed: int, agencies: Mapping[str, Any]) -> Path:
    """The survey tool's export: one row per response, answers drawn per agency."""
    rng = random.Random(f"{seed}:voice-survey")
    root = Path(settings.VAR_DIR) / "demo-data" / f"voice-seed-{seed}"
    root.mkdir(parents=True, exist_ok=True)
    lines = ["survey_ref,response_ref,agency_code," + ",".join(
        f"q{n}" for n in range(1, len(STATEMENTS) + 1))]  # fmt: skip
    number = 0
    for code, (count, chances) in RESPONDENTS.items():
        if code not in agencies:
            continue
        for _ in range(count):
            number += 1
            answers = []
            for chance in chances:
                if rng.random() < 0.04:
                    answers.append("")  # skipped
                elif rng.random() < chance:
                    answers.append(rng.choice(["Strongly agree", "Agree", "Agree"]))
                else:
                    answers.append(rng.choice(["Neither agree nor disagree", "Disagree",
                                               "Disagree", "Strongly disagree"]))  # fmt: skip
            lines.append(f"{SURVEY_REF},SM-{number:04d},{code}," + ",".join(answers))
    path = root / "practitioner_survey.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(11)))


@demo_loader(ScrutinyActivity, "scrutiny and voice")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """a year of independent scrutiny, feedback from children and families, a practitioner
    survey and forum notes (synthetic)"""
    sync_themes(LearningTheme)
    rng = random.Random(f"{seed}:voice-demo")
    agencies = {a.code: a for a in partnership.agencies.all()}
    counts = {"activities": 0, "recommendations": 0, "actions": 0, "feedback": 0, "forums": 0}
    with transaction.atomic():
        for day, kind, title, examined, evidence, findings, recommendations in ACTIVITIES:
            activity = services.create_activity(
                actor=SYSTEM, partnership=partnership, title=title, kind=kind, held_on=day,
                examined=examined, evidence=evidence, findings=findings,
            )  # fmt: skip
            counts["activities"] += 1
            for text, code, themes, closed in recommendations:
                item = services.add_recommendation(
                    actor=SYSTEM, activity=activity, text=text, agency=agencies[code],
                    themes=themes,
                )  # fmt: skip
                counts["recommendations"] += 1
                due = day + dt.timedelta(days=rng.choice([90, 120, 180]))
                action = actions.raise_action(
                    actor=SYSTEM, record=item, owner_agency=agencies[code], due_date=due,
                    at=_at(day + dt.timedelta(days=7)),
                )  # fmt: skip
                counts["actions"] += 1
                if closed:
                    actions.close_action(
                        actor=SYSTEM, action=action, expected_version=action.version,
                        impact_evidence="Confirmed by the scrutineer at the next review",
                        at=_at(due - dt.timedelta(days=rng.randint(5, 30))),
                    )  # fmt: skip
        for received, source, given_by, code, said, changed, on, themes, publish in FEEDBACK:
            services.record_feedback(
                actor=SYSTEM, partnership=partnership, source=source, given_by=given_by,
                received_on=received, said=said, agency=agencies.get(code), changed=changed,
                changed_on=on, themes=themes, publish=publish,
            )  # fmt: skip
            counts["feedback"] += 1
        for held_on, topic, attended, codes, discussion, outcomes, themes in FORUMS:
            services.record_forum(
                actor=SYSTEM, partnership=partnership, held_on=held_on, topic=topic,
                attended=attended, agencies=[agencies[c] for c in codes if c in agencies],
                discussion=discussion, outcomes=outcomes, themes=themes,
            )  # fmt: skip
            counts["forums"] += 1
        services.create_survey(
            actor=SYSTEM, partnership=partnership, reference=SURVEY_REF,
            title="Children's workforce survey 2021", opened_on=dt.date(2021, 2, 1),
            closed_on=dt.date(2021, 3, 12), questions=STATEMENTS,
        )  # fmt: skip
    outcome = ingest_demo_file(
        partnership, _survey_file(seed, agencies), "the synthetic survey was refused"
    )
    c = counts
    print(
        f"  {c['activities']} scrutiny activities, {c['recommendations']} recommendations "
        f"({c['actions']} actions), {c['feedback']} pieces of feedback, {c['forums']} forums, "
        f"{outcome.submission.record_count} survey responses"
    )
