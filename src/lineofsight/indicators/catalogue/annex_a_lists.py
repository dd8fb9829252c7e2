"""Which normalised table, and so which indicators, each Ofsted Annex A list corresponds to.

Annex A lists 1 and 2 are imported as tables of their own (``contacts``, ``early_help``).  Lists 3
to 11 hold, child by child, records the statutory returns already carry in more detail (the CIN
census for lists 3 to 7, the SSDA903 return for lists 8 and 9), so the indicators read those
returns and the Annex A parser only counts these lists' rows.  Mapping a list's columns onto its
table would let a partnership without the returns compute the same indicators from Annex A; the
table named here is the one it would fill.  Lists 10 and 11 (adoption, adopters) feed no
indicator yet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnnexAList:
    number: int
    title: str
    table: str | None  # the normalised table its records belong in (None: no indicator uses it)
    imported: bool  # read into ``table`` by ``formats.annex_a`` (else only counted)
    indicators: tuple[str, ...]


ANNEX_A_LISTS: tuple[AnnexAList, ...] = (
    AnnexAList(1, "Contacts", "contacts", True, ("contacts", "contact_to_referral_pct")),
    AnnexAList(2, "Early help", "early_help", True, ("early_help_rate_per_10k",)),
    AnnexAList(
        3,
        "Referrals",
        "cin_episodes",
        False,
        ("referrals", "referral_rate_per_10k", "rereferral_pct", "referral_nfa_pct"),
    ),
    AnnexAList(4, "Assessments", "cin_assessments", False, ("assessments_45_days_pct",)),
    AnnexAList(
        5,
        "Section 47 enquiries and initial child protection conferences",
        "s47_enquiries",
        False,
        ("s47_enquiries", "icpc_15_days_pct"),
    ),
    AnnexAList(6, "Children in need", "cin_episodes", False, ("cin_rate_per_10k",)),
    AnnexAList(
        7,
        "Children subject of a child protection plan",
        "cp_plans",
        False,
        (
            "cp_plan_starts",
            "cp_repeat_plan_pct",
            "cp_children_on_plan",
            "cp_plans_2_years_or_more_pct",
        ),
    ),
    AnnexAList(
        8,
        "Children in care",
        "cla_episodes",
        False,
        (
            "cla_rate_per_10k",
            "cla_starts",
            "cla_ceased",
            "cla_3_plus_placements_pct",
            "cla_same_placement_2_years_pct",
        ),
    ),
    AnnexAList(
        9,
        "Care leavers",
        "care_leavers",
        False,
        (
            "care_leavers_19_21_eet_pct",
            "care_leavers_19_21_in_touch_pct",
            "care_leavers_19_21_suitable_accommodation_pct",
        ),
    ),
    AnnexAList(10, "Adoption", None, False, ()),
    AnnexAList(11, "Adopters", None, False, ()),
)
