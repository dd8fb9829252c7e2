# ruff: noqa: S608 - SQL is built from the declared catalogue, never from user input
"""The voice of children and families in child protection (issue 17), from the partner returns
(``formats/reference/partner_measures.csv``): children invited to and attending their child
protection conferences (initial and review), advocacy referrals, mothers' and fathers'
attendance, compliments and complaints; and the share of invited children who attended.

The 2020-21 annual report: "A total of 110 children and young people were invited, 53
attended"; 225 advocacy referrals; 8 compliments and no complaints for the conference chairs.
"""

from __future__ import annotations

from lineofsight.indicators.catalogue.children_in_need import FLOW
from lineofsight.indicators.catalogue.partner_measures import _partner, partner_measure_sql
from lineofsight.indicators.catalogue.spec import IndicatorSpec


def _totals(measure_id: str) -> str:
    """Every row of the measure (both breakdowns) as events with no breakdown: the percentage is
    of all children invited, initial and review conferences together."""
    return (
        "SELECT la_code, event_date, amount, NULL AS breakdown FROM "
        f"({partner_measure_sql(measure_id)})"
    )


PARTICIPATION: tuple[IndicatorSpec, ...] = (
    _partner(
        "pm_cp_conference_children_invited",
        "Children invited to their child protection conference",
        "Children given the chance to be heard where decisions about their safety are made.",
    ),
    _partner(
        "pm_cp_conference_children_attended",
        "Children who attended their child protection conference",
        "Children who took part, in person or virtually, in the conference about them.",
        polarity="higher_is_better",
    ),
    IndicatorSpec(
        id="cp_conference_children_attended_pct",
        title="Invited children who attended their child protection conference",
        meaning_for_children="Of the children invited, the share whose voice was heard in the "
        "room rather than only reported by others.",
        numerator_sql=_totals("cp_conference_children_attended"),
        denominator_sql=_totals("cp_conference_children_invited"),
        unit="percent",
        period_types=FLOW,
        polarity="higher_is_better",
        source="partner_return",
        dfe_definition="Partner return measures 'cp_conference_children_attended' over "
        "'cp_conference_children_invited' (initial and review conferences together), each the "
        "sum of the values reported for periods ending within the period. Not a DfE statistic.",
        benchmark_key=None,
        tables=("partner_measures",),
    ),
    _partner(
        "pm_cp_advocacy_referrals",
        "Referrals to advocacy for children subject to a child protection plan",
        "Children with an advocate to help them say what they want their conference to hear.",
        polarity="higher_is_better",
    ),
    _partner(
        "pm_cp_conference_mothers_attended",
        "Mothers who attended child protection conferences",
        "Mothers taking part in planning for their child's safety.",
    ),
    _partner(
        "pm_cp_conference_fathers_attended",
        "Fathers who attended child protection conferences",
        "Fathers taking part in planning for their child's safety (often fewer than mothers).",
    ),
    _partner(
        "pm_compliments_received",
        "Compliments from children and families about children's social care",
        "Children and families who felt listened to and respected enough to say so.",
    ),
    _partner(
        "pm_complaints_received",
        "Complaints from children and families about children's social care",
        "Children and families who were unhappy with a service and said so: a complaint heard "
        "is a voice, so fewer is not simply better.",
    ),
)
