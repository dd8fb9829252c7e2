"""Demo narratives for 2020-21 (invented text about the synthetic borough; approved)."""

from __future__ import annotations

from lineofsight.partnership.models import User
from lineofsight.partnership.selectors import current_partnership
from lineofsight.reports import services
from lineofsight.reports.models import Narrative

PERIOD = "2020-21"
TEXTS: dict[str, tuple[str, str, str]] = {
    "priorities": (
        "The board agreed a two-year strategic plan with two priorities: the right help at the "
        "right time, and a coordinated response to domestic abuse. Each item has a lead agency "
        "and a quarterly RAG rating.",
        "Items rated red are escalated to the executive group each quarter until back on track.",
        "Delivery is tracked against live indicators rather than narrative updates.",
    ),
    "early_help": (
        "Early help assessments moved to one shared form across agencies; schools and health "
        "visitors took the lead practitioner role more often.",
        "Extend the lead practitioner training to nurseries and GP practices.",
        "More families were supported without needing a social work assessment.",
    ),
    "front_door": (
        "The multi-agency safeguarding hub introduced daily risk meetings with police and "
        "health, and a consultation line for professionals.",
        "Review the threshold guidance with partners and re-audit contacts that lead to no "
        "further action.",
        "Decisions on contacts are quicker and more consistent; re-referrals are monitored "
        "monthly.",
    ),
    "child_protection": (
        "Independent chairs tracked the timeliness of initial conferences weekly during the "
        "pandemic, and conferences moved online.",
        "Audit repeat child protection plans to understand why families return.",
        "Conferences continued within timescales for most children despite the pandemic.",
    ),
    "children_in_care": (
        "A placement sufficiency review led to new local foster carer recruitment.",
        "Reduce the number of children placed more than 20 miles from home.",
        "More children stayed in their school and community when they came into care.",
    ),
    "care_leavers": (
        "Personal advisers kept in contact with care leavers throughout the lockdowns.",
        "Work with colleges and employers on apprenticeships ring-fenced for care leavers.",
        "The share of care leavers in education, employment or training is tracked against "
        "statistical neighbours each year.",
    ),
    "section11": (
        "Every statutory partner completed its Section 11 self-assessment; the partnership "
        "tested the answers at a challenge event.",
        "Agencies with standards not met report their actions to the board in six months.",
        "Gaps in safer recruitment and training records are now closing.",
    ),
    "audits": (
        "Quarterly multi-agency audits looked at neglect, domestic abuse and exploitation.",
        "Re-audit the themes that were graded requires improvement.",
        "Audit findings feed the action tracker, and re-audits show whether practice changed.",
    ),
    "voice": (
        "Young advisers ran sessions on online safety and helped to design the partnership's "
        "website. Advocates supported children to take part in their conferences.",
        "Ask children and families what difference the help made, not only what they thought "
        "of it.",
        "More children took part in their child protection conferences.",
    ),
    "neglect": (
        "Practitioners were trained to use one neglect assessment tool across agencies.",
        "Measure how often the tool is used when neglect is identified.",
        "Neglect is identified earlier, before it becomes chronic.",
    ),
    "domestic_abuse": (
        "Police notifications of domestic abuse incidents where children were present reached "
        "schools the next morning.",
        "Commission more support for children who have lived with domestic abuse.",
        "Schools can support children the day after an incident.",
    ),
    "mental_health": (
        "A single point of access for children's mental health was agreed with health partners.",
        "Track waiting times and self-harm attendances together each quarter.",
        "Children in crisis are seen sooner.",
    ),
    "exploitation": (
        "A multi-agency exploitation panel reviews every child at risk each month, and "
        "return-home interviews follow every missing episode.",
        "Map the places where children are at risk, with community safety partners.",
        "Children at risk of exploitation are known to all agencies.",
    ),
    "case_reviews": (
        "Every serious incident had a rapid review; learning briefings went to all agencies.",
        "Publish the outstanding local review and test its recommendations by audit.",
        "Recommendations are tracked to closure with evidence of impact.",
    ),
    "challenge": (
        "The challenge log records who challenged whom and what came of it.",
        "Report open challenges to the board each quarter.",
        "Challenges are resolved sooner and escalations are rare.",
    ),
    "actions": (
        "All actions from reviews, audits and Section 11 are in one tracker.",
        "Close overdue actions or agree new dates with the board.",
        "Most closed actions have evidence of impact recorded.",
    ),
    "next_priorities": (
        "The priorities for next year were agreed with partners, young advisers and the "
        "independent scrutineer.",
        "Publish the delivery plan and report progress quarterly.",
        "Priorities follow the evidence in this report.",
    ),
}


def load(seed: int) -> None:
    """the approved narratives of the 2020-21 annual report"""
    partnership = current_partnership()
    if partnership is None:
        raise RuntimeError("Load the demo partnership first")
    if Narrative.objects.filter(partnership=partnership, period_label=PERIOD).exists():
        print("  report narratives already loaded")
        return
    manager = User.objects.filter(username="admin").first()
    for key, (done, next_, impact) in TEXTS.items():
        narrative = services.save_narrative(
            actor=manager,
            partnership=partnership,
            section_key=key,
            period_label=PERIOD,
            values={"done": done, "next": next_, "impact": impact},
        )
        narrative = services.submit_narrative(
            actor=manager, narrative=narrative, expected_version=narrative.version
        )
        services.approve_narrative(
            actor=manager, narrative=narrative, expected_version=narrative.version
        )
    print(f"  {len(TEXTS)} approved narratives for {PERIOD}")
