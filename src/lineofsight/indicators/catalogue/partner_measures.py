# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Measures from the partners' aggregate returns (table ``partner_measures``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import cast

from lineofsight.formats.codelists import Measure, partner_measures
from lineofsight.indicators.catalogue.children_in_need import FLOW
from lineofsight.indicators.catalogue.spec import Counting, IndicatorSpec, Polarity, Unit


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


# ---- Measures declared only in the partner-return template (no code) ----
# A row added to ``formats/reference/partner_measures.csv`` becomes the indicator ``pm_<id>``
# unless a spec above (or in another catalogue file) already reads that measure.  Its unit is
# ``count`` (the values summed, or the latest for a stock), ``rate_per_10k`` (per 10,000
# children under 18 from the population table) or ``percent`` (its values over those of the
# ``denominator`` measure for the same periods); polarity, counting and the owner agency type
# come from the same row.

_MEASURE_READ = re.compile(r"measure_id = '([a-z0-9_]+)'")
UNITS: tuple[Unit, ...] = ("count", "rate_per_10k", "percent")
POLARITIES: tuple[Polarity, ...] = ("higher_is_better", "lower_is_better", "neutral")
COUNTINGS: tuple[Counting, ...] = ("events", "latest_in_period")


class TemplateMeasureError(ValueError):
    """A measure of the partner-return template that cannot become an indicator (names it)."""


def measures_read(specs: Mapping[str, IndicatorSpec]) -> set[str]:
    """The partner measure ids the declared specs already read."""
    return {
        found
        for spec in specs.values()
        if spec.source == "partner_return"
        for found in _MEASURE_READ.findall(spec.numerator_sql + (spec.denominator_sql or ""))
    }


def template_spec(measure: Measure, measures: Mapping[str, Measure]) -> IndicatorSpec:
    """The indicator of one template measure; ``TemplateMeasureError`` when its row is wrong."""
    where = f"partner measure {measure.measure_id}"
    if measure.unit not in UNITS:
        raise TemplateMeasureError(f"{where}: unit {measure.unit!r} is not one of {UNITS}")
    if measure.polarity not in POLARITIES:
        raise TemplateMeasureError(f"{where}: polarity {measure.polarity!r} is not {POLARITIES}")
    if measure.counting not in COUNTINGS:
        raise TemplateMeasureError(f"{where}: counting {measure.counting!r} is not {COUNTINGS}")
    unit = cast(Unit, measure.unit)
    polarity = cast(Polarity, measure.polarity)
    counting = cast(Counting, measure.counting)
    spec = _partner(
        f"pm_{measure.measure_id}",
        measure.title,
        measure.description,
        polarity=polarity,
        counting=counting,
        measure_id=measure.measure_id,
    )
    owner = f" Reported by: {measure.agency_type}."
    if unit == "count":
        return replace(spec, dfe_definition=spec.dfe_definition + owner)
    if unit == "rate_per_10k":
        return replace(
            spec,
            unit=unit,
            dfe_definition=spec.dfe_definition.replace(
                "Not a DfE", "Per 10,000 children aged under 18 (the population table). Not a DfE"
            )
            + owner,
        )
    denominator = measures.get(measure.denominator)
    if denominator is None:
        raise TemplateMeasureError(
            f"{where}: a percentage needs the measure_id of its denominator in the template "
            f"(denominator {measure.denominator!r} is not a measure)"
        )
    return replace(
        spec,
        unit=unit,
        denominator_sql=partner_measure_sql(denominator.measure_id),
        denominator_counting=counting,
        dfe_definition=spec.dfe_definition.replace(
            "Not a DfE",
            f"As a percentage of '{denominator.measure_id}' ({denominator.title}) "
            "over the same periods. Not a DfE",
        )
        + owner,
    )


def template_specs(declared: Mapping[str, IndicatorSpec]) -> tuple[IndicatorSpec, ...]:
    """An indicator for every template measure no declared spec reads."""
    measures = partner_measures()
    read = measures_read(declared)
    return tuple(
        template_spec(measure, measures)
        for measure_id, measure in measures.items()
        if measure_id not in read and f"pm_{measure_id}" not in declared
    )
