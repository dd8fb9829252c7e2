"""Demo history: the 2019-2021 plan and the 2021-2022 delivery plan (modelled on the 2020-21
annual report's appendix), with quarterly RAG progress (synthetic, deterministic for a seed;
skipped if already loaded)."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from lineofsight.delivery import services
from lineofsight.delivery.models import Plan
from lineofsight.lib.demo import demo_loader
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership

# (title, starts, ends, [(priority, lead, [(what we will do, lead agency)], [(success, indicator,
# target)])])
PLANS = [
    (
        "Safeguarding strategic plan 2019-2021",
        dt.date(2019, 4, 1),
        dt.date(2021, 3, 31),
        [
            (
                "Early help: the right help at the right time",
                "Early help strategic lead",
                [
                    ("Embed the lead practitioner role across agencies", "council"),
                    ("Refresh the thresholds and levels of need guidance", "trust"),
                ],
                [
                    (
                        "Fewer children re-referred to children's social care within 12 months",
                        "rereferral_pct",
                        "below the statistical neighbour average",
                    ),
                    (
                        "More contacts lead to the right response first time",
                        "contact_to_referral_pct",
                        "",
                    ),
                ],
            ),
            (
                "Domestic abuse: a coordinated response",
                "Domestic abuse coordinator",
                [
                    ("Roll out dynamic risk assessment training", "domestic_abuse"),
                    ("Review lower-risk cases through a daily triage", "police"),
                ],
                [
                    ("Fewer repeat child protection plans", "cp_repeat_plan_pct", ""),
                ],
            ),
        ],
    ),
    (
        "Delivery plan 2021-2022",
        dt.date(2021, 4, 1),
        dt.date(2022, 3, 31),
        [
            (
                "Work with the Partnership Improvement Board to align priorities and prepare the "
                "transition of its work into the partnership",
                "Partnership chair",
                [
                    (
                        "Actively participate in the Improvement Board's work, with two-way "
                        "communication",
                        "council",
                    ),
                    ("Schedule regular meetings between the two chairs", "business_unit"),
                    (
                        "Keep the partnership's structure under review for the 2022/23 plan",
                        "business_unit",
                    ),
                ],
                [
                    (
                        "Partners are assured the improvement work will be consolidated in "
                        "strengthened arrangements",
                        "",
                        "",
                    ),
                ],
            ),
            (
                "Support and challenge a more effective multi-agency response to child "
                "exploitation",
                "Exploitation sub-group",
                [
                    (
                        "Agree a revised strategic response to exploitation with an action plan",
                        "police",
                    ),
                    ("Monitor the Exploitation and Missing Action Plan", "trust"),
                    (
                        "Review the Missing from Home and Care Protocol through a task and "
                        "finish group",
                        "police",
                    ),
                ],
                [
                    ("Fewer young people become involved in exploitation", "", ""),
                    ("An effective response to young people who go missing", "", ""),
                ],
            ),
            (
                "Support and challenge a more effective multi-agency response to child neglect",
                "Neglect strategic lead",
                [
                    ("Implement the NSPCC Graded Care Profile across the partnership", "trust"),
                    ("Improve the analysis of risk in cases of long-term neglect", "trust"),
                    (
                        "Ensure full multi-agency participation in the police neglect programme",
                        "police",
                    ),
                    (
                        "Act on learning from the analysis of historic neglect cases",
                        "business_unit",
                    ),
                ],
                [
                    ("100% use of the Graded Care Profile when neglect is identified", "", "100%"),
                    ("Audit and inspection confirm better analysis of risk in neglect", "", ""),
                    (
                        "Fewer children need a repeat child protection plan",
                        "cp_repeat_plan_pct",
                        "",
                    ),
                ],
            ),
            (
                "Support and challenge the response to mental ill health among children and young "
                "people",
                "Mental health strategy group",
                [
                    (
                        "Work with the Mental Health Strategy Group to strengthen multi-agency "
                        "practice",
                        "health",
                    ),
                ],
                [
                    (
                        "A clear, evidence-based understanding of the scale and impact of "
                        "mental health issues",
                        "",
                        "",
                    ),
                ],
            ),
            (
                "Embed, disseminate and evaluate learning from quality assurance",
                "Quality and performance sub-group",
                [
                    ("Streamline the reporting of multi-agency performance data", "business_unit"),
                    (
                        "Establish quarterly multi-agency audits of frontline practice",
                        "business_unit",
                    ),
                    (
                        "Hear, listen to and act on the voice of children and young people",
                        "voluntary",
                    ),
                ],
                [
                    ("A clear line of sight into frontline practice", "", ""),
                    ("Timely assessments", "assessments_45_days_pct", "90%"),
                ],
            ),
        ],
    ),
]
NOTES = {
    "red": "Behind plan: capacity diverted by the pandemic response",
    "amber": "Started; some milestones at risk",
    "green": "On track; milestones met this quarter",
    "complete": "Delivered; evidence reported to the partnership",
}
NEXT = {
    "": ("amber", "green", "red"),
    "red": ("amber", "amber", "red"),
    "amber": ("green", "amber", "red"),
    "green": ("green", "complete", "amber"),
    "complete": ("complete",),
}


@demo_loader(Plan, "delivery plans")
def load(seed: int, partnership: Partnership, today: dt.date) -> None:
    """the delivery plans with quarterly RAG progress"""
    rng = random.Random(f"delivery-{seed}")
    agencies = {a.code: a for a in Agency.objects.filter(partnership=partnership)}
    with transaction.atomic():
        for title, starts, ends, priorities in PLANS:
            plan = services.create_plan(
                actor=SYSTEM, partnership=partnership, title=title, starts=starts, ends=ends
            )
            for number, (text, lead, items, measures) in enumerate(priorities, start=1):
                priority = services.add_priority(
                    actor=SYSTEM, plan=plan, number=number, title=text, lead=lead
                )
                for letter, (what, agency) in zip("abcdefgh", items, strict=False):
                    item = services.add_item(
                        actor=SYSTEM,
                        priority=priority,
                        reference=letter,
                        text=what,
                        lead_agency=agencies.get(agency),
                        due_date=ends,
                    )
                    _progress(rng, item, starts, ends)
                for success, indicator, target in measures:
                    services.add_measure(
                        actor=SYSTEM,
                        priority=priority,
                        text=success,
                        indicator_id=indicator,
                        target=target,
                    )
    print(f"  {len(PLANS)} delivery plans")


def _progress(rng: random.Random, item, starts: dt.date, ends: dt.date) -> None:
    rag, on = "", starts + dt.timedelta(days=80)
    last = min(ends, dt.date(2021, 12, 31))
    while on <= last:
        rag = rng.choice(NEXT[rag])
        services.add_progress(
            actor=SYSTEM, item=item, expected_version=item.version, rag=rag, note=NOTES[rag], on=on
        )
        if rag == "complete":
            break
        on += dt.timedelta(days=91)
