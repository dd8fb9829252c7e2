# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Measures from the partners' aggregate returns (table ``partner_measures``)."""

from __future__ import annotations

from lineofsight.indicators.catalogue.children_in_need import FLOW
from lineofsight.indicators.catalogue.spec import Counting, IndicatorSpec, Polarity


def partner_measure_sql(measure_id: str) -> str:
    """Each partner row dated by the end of the period it reports, with its value."""
    return (
        "SELECT la_code, period_end AS event_date, value AS amount, lower(breakdown) AS breakdown "
        f"FROM partner_measures WHERE measure_id = '{measure_id}' AND period_end IS NOT NULL "
        "AND value IS NOT NULL"
    )


def _partner(
    indicator_id: str,
    title: str,
    meaning: str,
    polarity: Polarity = "neutral",
    counting: Counting = "events",
    measure_id: str | None = None,
) -> IndicatorSpec:
    measure = measure_id or indicator_id.removeprefix("pm_")
    if counting == "events":
        rule = "the sum of the values reported for periods ending within the period"
    else:
        rule = (
            "a count of open cases, so the value of the latest return ending within the "
            "period (summing month-end counts over a quarter would count cases twice)"
        )
    return IndicatorSpec(
        id=indicator_id,
        title=title,
        meaning_for_children=meaning,
        numerator_sql=partner_measure_sql(measure),
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity=polarity,
        source="partner_return",
        dfe_definition=f"Partner return measure '{measure}': {rule}. Not a DfE statistic; "
        "a breakdown, where reported, is kept beside the total.",
        benchmark_key=None,
        tables=("partner_measures",),
        counting=counting,
    )


PARTNER_MEASURES: tuple[IndicatorSpec, ...] = (
    _partner(
        "exploitation_tracked",
        "Children tracked for exploitation, by risk level",
        "Children known to be at risk of criminal or sexual exploitation (high, medium, low).",
        counting="latest_in_period",
    ),
    _partner(
        "pm_police_da_incidents_children_present",
        "Domestic abuse incidents with children present",
        "Children who saw or heard domestic abuse that the police attended.",
    ),
    _partner(
        "pm_police_missing_child_episodes",
        "Missing child episodes reported to the police",
        "Children who went missing: each episode is a risk of harm and exploitation.",
    ),
    _partner(
        "pm_ae_self_harm_attendances_u18",
        "Emergency department attendances for self-harm (under 18)",
        "Children in enough distress to harm themselves and come to hospital.",
    ),
    _partner(
        "pm_health_visitor_safeguarding_referrals",
        "Safeguarding referrals by health visitors",
        "Babies and young children whose health visitor was worried enough to refer.",
    ),
    _partner(
        "pm_idva_referrals",
        "Referrals to independent domestic violence advisers",
        "Adult victims, often parents, getting specialist help with domestic abuse.",
    ),
    _partner(
        "pm_idva_repeat_victims",
        "Repeat victims referred to independent domestic violence advisers",
        "Households where domestic abuse happened again after help.",
        polarity="lower_is_better",
    ),
    _partner(
        "pm_early_help_cases_open",
        "Early help cases open",
        "Families receiving early help: every case the early help service had open at the "
        "end of the period, whether or not its assessment is finished.",
        counting="latest_in_period",
    ),
)
