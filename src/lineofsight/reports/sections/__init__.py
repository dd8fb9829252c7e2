"""The sections Line of Sight builds today, registered like any app's (see ``registry``).

Order follows the partnership's own annual report: local context, priorities, early help, the
front door, child protection, children in care, care leavers, Section 11, audits, the themes
(neglect, domestic abuse, mental health, exploitation), case reviews, challenge, actions and
next year's priorities.  Apps that arrive later (CDOP, LADO, training, governance, the
scrutineer) register theirs between these numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from lineofsight.reports.content import Block, Paragraph
from lineofsight.reports.registry import SectionRequest, register_section
from lineofsight.reports.sections import learning
from lineofsight.reports.sections.context import local_context
from lineofsight.reports.sections.figures import indicator_blocks
from lineofsight.reports.sections.glance import at_a_glance

INDICATOR_SECTIONS: tuple[tuple[str, str, int, tuple[str, ...], str], ...] = (
    (
        "early_help",
        "Early help",
        30,
        ("early_help_rate_per_10k", "pm_early_help_cases_open"),
        "Early help lead",
    ),
    (
        "front_door",
        "Front door and multi-agency safeguarding hub",
        40,
        (
            "contacts",
            "pm_health_visitor_safeguarding_referrals",
            "referrals",
            "contact_to_referral_pct",
            "rereferral_pct",
            "referral_nfa_pct",
            "assessments_45_days_pct",
        ),
        "Head of the front door",
    ),
    (
        "child_protection",
        "Child protection",
        50,
        (
            "cin_rate_per_10k",
            "s47_enquiries",
            "icpc_15_days_pct",
            "cp_plan_starts",
            "cp_repeat_plan_pct",
        ),
        "Head of safeguarding",
    ),
    (
        "children_in_care",
        "Children in care",
        60,
        ("cla_rate_per_10k", "cla_starts", "cla_ceased"),
        "Head of children in care",
    ),
    ("care_leavers", "Care leavers", 70, ("care_leavers_19_21_eet_pct",), "Leaving care lead"),
    ("neglect", "Neglect", 110, ("cp_category_neglect_pct",), "Neglect strategy lead"),
    (
        "domestic_abuse",
        "Domestic abuse",
        120,
        ("pm_police_da_incidents_children_present", "pm_idva_referrals", "pm_idva_repeat_victims"),
        "Domestic abuse lead",
    ),
    (
        "mental_health",
        "Mental health and wellbeing",
        130,
        ("pm_ae_self_harm_attendances_u18",),
        "Designated nurse",
    ),
    (
        "exploitation",
        "Exploitation",
        140,
        ("exploitation_tracked", "pm_police_missing_child_episodes"),
        "Exploitation lead",
    ),
)


def _indicators(ids: Sequence[str], request: SectionRequest) -> list[Block]:
    return indicator_blocks(request, ids)


def _voice(request: SectionRequest) -> list[Block]:
    return [
        Paragraph(
            "Line of Sight does not yet hold feedback from children and families: how it was "
            "sought and used is in the narrative below."
        )
    ]


def register_builtin() -> None:
    register_section(
        "at_a_glance",
        "The year at a glance",
        partial(at_a_glance, [(title, ids) for _, title, _, ids, _ in INDICATOR_SECTIONS]),
        order=5,
        kinds=("annual",),
    )
    register_section("local_context", "Local context", local_context, order=10)
    register_section(
        "priorities",
        "Priorities and the delivery plan",
        learning.priorities,
        order=20,
        kinds=("annual",),
    )
    for key, title, order, ids, owner in INDICATOR_SECTIONS:
        register_section(key, title, partial(_indicators, ids), order=order, owner=owner)
    register_section(
        "section11", "Section 11 self-assessment", learning.section11, order=80, kinds=("annual",)
    )
    register_section("audits", "Multi-agency audits", learning.audits, order=90)
    register_section(
        "voice", "Voice of children and families", _voice, order=100, kinds=("annual",)
    )
    register_section(
        "case_reviews", "Child safeguarding practice reviews", learning.case_reviews, order=150
    )
    register_section("challenge", "Challenge", learning.challenge, order=200)
    register_section("actions", "Actions from learning", learning.actions_summary, order=210)
    register_section(
        "next_priorities",
        "Priorities for next year",
        learning.next_priorities,
        order=300,
        kinds=("annual",),
    )
