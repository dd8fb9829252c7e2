"""Typed access to the generator's parameters (``params.json``) and code lists (``codes.json``).

Rates and code distributions are data, not code: edit the JSON files to change the borough.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

Weights = dict[str, float]


@dataclass(frozen=True)
class BoroughParams:
    """Magnitudes and rates of one synthetic borough (defaults: the 2020-21 annual report)."""

    under18_population: int
    reference_year: int
    contacts_per_month_at_reference: float
    contacts_annual_growth: float
    contact_noise_sd: float
    contact_seasonality: dict[str, float]
    covid_multipliers: dict[str, float]
    contact_of_known_child: float
    contact_to_referral: float
    contact_to_early_help: float
    early_help_median_days: float
    referral_nfa: float
    return_after_closure: float
    return_mean_days: float
    assessment_on_time: float
    s47_given_referral: float
    s47_given_referral_after_cpp: float
    icpc_given_s47: float
    icpc_on_time: float
    cpp_given_icpc: float
    cpp_median_days: float
    cpp_prior_history: float
    cpp_prior_history_two_or_more: float
    not_in_need_after_assessment: float
    early_help_after_assessment: float
    cin_plan_median_days: float
    step_down_to_cin_plan: float
    cla_from_cpp: float
    cla_from_cin_plan: float
    cla_direct_after_referral: float
    cla_outcome_weights: Weights
    placement_moves_per_year: float
    legal_status_change_probability: float
    missing_child_probability_12plus: float
    initial_cla_rate_per_10000: float
    care_leaver_in_touch: float
    warmup_years: int
    lado_referrals_per_year: float
    lado_threshold_met: float
    child_deaths_per_year: float
    child_deaths_under_one: float
    child_deaths_modifiable: float
    training_attendances_per_year: float
    training_feedback_rate: float
    police_da_incidents_children_present_per_month: float
    police_missing_child_episodes_per_month: float
    ae_self_harm_attendances_u18_per_month: float
    health_visitor_safeguarding_referrals_per_month: float
    idva_referrals_per_month: float
    idva_repeat_rate: float
    partner_patterns: dict[str, dict[str, Any]]
    partner_surge: dict[str, Any]
    early_help_cases_open_per_10000: float
    exploitation_tracked: float
    exploitation_risk_weights: Weights
    participation: dict[str, Any]
    category_of_abuse_weights: Weights
    primary_need_weights: Weights


@dataclass(frozen=True)
class CodeLists:
    """Code sets used by the writers, each with synthetic weights."""

    ethnicity: Weights
    disability: Weights
    disabled_share: float
    referral_source: Weights
    assessment_factors: Weights
    cin_closure_after_plan: Weights
    sex_weights: Weights
    placement_foster: Weights
    placement_by_type: Weights
    reason_place_change: Weights
    review_code_age4plus: Weights
    oc3_activity: Weights
    oc3_accommodation: Weights
    contact_source: Weights
    la_codes: list[str]


def _load(name: str) -> dict[str, Any]:
    text = resources.files("lineofsight.synth").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    missing = names - data.keys()
    if missing:
        raise ValueError(f"{cls.__name__}: missing settings {sorted(missing)}")
    return cls(**{k: v for k, v in data.items() if k in names})


@cache
def default_params() -> BoroughParams:
    params: BoroughParams = _build(BoroughParams, _load("params.json"))
    return params


@cache
def code_lists() -> CodeLists:
    codes: CodeLists = _build(CodeLists, _load("codes.json"))
    return codes
