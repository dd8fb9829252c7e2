# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Front door, assessment and child protection indicators (CIN census and Annex A)."""

from __future__ import annotations

from lineofsight.calendar.timescales import ASSESSMENT, ICPC
from lineofsight.indicators.catalogue.spec import IndicatorSpec
from lineofsight.indicators.periods import PeriodType

FLOW: tuple[PeriodType, ...] = ("month", "quarter", "financial_year")
# The breakdowns of a CIN record (``indicators.breakdowns``): the child's age band, sex and
# ethnicity, and the referral source and primary need of its episode.
CHILD: tuple[str, ...] = ("age", "sex", "ethnicity")
EPISODE: tuple[str, ...] = (*CHILD, "source", "need")
STOCK: tuple[PeriodType, ...] = ("month", "quarter", "financial_year", "snapshot")

REFERRALS_SQL = (
    "SELECT la_code, child_id, referral_date, referral_date AS event_date, 1 AS amount, "
    "NULL AS breakdown FROM cin_episodes WHERE referral_date IS NOT NULL"
)
PLAN_STARTS_SQL = (
    "SELECT la_code, child_id, referral_date, initial_category AS category_code, "
    "start_date AS event_date, 1 AS amount, NULL AS breakdown FROM cp_plans "
    "WHERE start_date IS NOT NULL"
)


def _plans_with_initial_category(code: str) -> str:
    return (
        "SELECT la_code, child_id, referral_date, start_date AS event_date, 1 AS amount, "
        "NULL AS breakdown FROM cp_plans "
        f"WHERE start_date IS NOT NULL AND upper(initial_category) = '{code}'"
    )


def _category(code: str, word: str, meaning: str) -> IndicatorSpec:
    return IndicatorSpec(
        id=f"cp_category_{word}_pct",
        title=f"Child protection plans starting under the category {word}",
        meaning_for_children=meaning,
        numerator_sql=_plans_with_initial_category(code),
        denominator_sql=PLAN_STARTS_SQL,
        unit="percent",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition=(
            f"Child protection plans starting in the period whose initial category of abuse "
            f"(InitialCategoryOfAbuse) is {code}, as a percentage of all plans starting in the "
            "period (DfE characteristics of children in need, table D2)."
        ),
        benchmark_key=None,
        tables=("cp_plans",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    )


CHILDREN_IN_NEED: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="contacts",
        title="Contacts",
        meaning_for_children="How often someone worried about a child got in touch with "
        "children's social care.",
        numerator_sql="SELECT la_code, child_id, contact_source AS source_code, "
        "contact_date AS event_date, 1 AS amount, NULL AS breakdown "
        "FROM contacts WHERE contact_date IS NOT NULL",
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="neutral",
        source="annex_a",
        dfe_definition="Contacts received in the period (Ofsted Annex A list 1: each contact "
        "about a child, by contact date).",
        benchmark_key=None,
        tables=("contacts",),
        breakdowns=("source",),
    ),
    IndicatorSpec(
        id="referrals",
        title="Referrals",
        meaning_for_children="Children referred for a social work response.",
        numerator_sql=REFERRALS_SQL,
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Referrals (CINreferralDate) in the period: a request for services for "
        "a child who is not currently in need (DfE children in need census).",
        benchmark_key=None,
        tables=("cin_episodes",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="contact_to_referral_pct",
        title="Contacts that became referrals",
        meaning_for_children="How much of what the front door hears turns into a social work "
        "referral.",
        numerator_sql=REFERRALS_SQL,
        denominator_sql="SELECT la_code, contact_date AS event_date, 1 AS amount, "
        "NULL AS breakdown FROM contacts WHERE contact_date IS NOT NULL",
        unit="percent",
        period_types=FLOW,
        polarity="neutral",
        source="annex_a",
        dfe_definition="Referrals in the period (CIN census) as a percentage of contacts in "
        "the period (Annex A list 1). A local conversion measure; DfE publishes no rate.",
        benchmark_key=None,
        tables=("contacts", "cin_episodes"),
    ),
    IndicatorSpec(
        id="rereferral_pct",
        title="Re-referrals within 12 months",
        meaning_for_children="Children referred again within a year: help the first time may "
        "not have lasted.",
        numerator_sql=(
            "SELECT la_code, child_id, referral_date, referral_date AS event_date, 1 AS amount,"
            " NULL AS breakdown FROM ("
            " SELECT la_code, child_id, referral_date, lag(referral_date) OVER ("
            " PARTITION BY la_code, child_id ORDER BY referral_date) AS previous_referral"
            " FROM cin_episodes"
            " WHERE referral_date IS NOT NULL)"
            " WHERE previous_referral IS NOT NULL"
            " AND previous_referral >= referral_date - INTERVAL 12 MONTH"
        ),
        denominator_sql=REFERRALS_SQL,
        unit="percent",
        period_types=FLOW,
        polarity="lower_is_better",
        source="cin_census",
        dfe_definition="Referrals in the period made within 12 months of a previous referral "
        "of the same child, as a percentage of all referrals in the period (DfE table C1; the "
        "year to 31 March). The previous referral may come from an earlier year's census.",
        benchmark_key="rereferral_pct",
        tables=("cin_episodes",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="referral_nfa_pct",
        title="Referrals with no further action",
        meaning_for_children="Referrals closed with no further action: children who did not "
        "need a social work response, or a front door that refers too readily.",
        numerator_sql=REFERRALS_SQL + " AND referral_nfa",
        denominator_sql=REFERRALS_SQL,
        unit="percent",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Referrals in the period with ReferralNFA true, as a percentage of "
        "referrals in the period (DfE children in need census).",
        benchmark_key=None,
        tables=("cin_episodes",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="assessments_45_days_pct",
        title=f"Assessments completed within {ASSESSMENT.amount} working days",
        meaning_for_children="Children whose needs were understood within the statutory timescale.",
        numerator_sql=(
            "SELECT a.la_code, a.child_id, a.referral_date, a.authorisation_date AS event_date,"
            " 1 AS amount, NULL AS breakdown"
            " FROM cin_assessments a"
            " JOIN calendar c_start ON c_start.day = a.referral_date"
            " JOIN calendar c_end ON c_end.day = a.authorisation_date"
            " WHERE c_end.working_days_before - c_start.working_days_before + 1"
            f" <= {ASSESSMENT.amount}"
        ),
        denominator_sql="SELECT la_code, child_id, referral_date, authorisation_date AS "
        "event_date, 1 AS amount, NULL AS breakdown FROM cin_assessments "
        "WHERE authorisation_date IS NOT NULL",
        unit="percent",
        period_types=FLOW,
        polarity="higher_is_better",
        source="cin_census",
        dfe_definition="Assessments authorised in the period (AssessmentAuthorisationDate) "
        f"that were completed within {ASSESSMENT.amount} working days of the referral "
        "(CINreferralDate), as a "
        "percentage of assessments authorised in the period. Working days exclude weekends "
        "and England bank holidays; the end date counts as day 1, as in the DfE validator.",
        benchmark_key=None,
        tables=("cin_assessments",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="s47_enquiries",
        title="Section 47 enquiries",
        meaning_for_children="Children for whom there was reasonable cause to suspect "
        "significant harm.",
        numerator_sql="SELECT la_code, child_id, referral_date, start_date AS event_date, "
        "1 AS amount, NULL AS breakdown FROM s47_enquiries WHERE start_date IS NOT NULL",
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Section 47 enquiries starting in the period (S47ActualStartDate).",
        benchmark_key=None,
        tables=("s47_enquiries",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="icpc_15_days_pct",
        title=f"Initial child protection conferences within {ICPC.amount} working days",
        meaning_for_children="Children at risk whose multi-agency conference met on time.",
        numerator_sql=(
            "SELECT s.la_code, s.child_id, s.referral_date, s.icpc_date AS event_date,"
            " 1 AS amount, NULL AS breakdown"
            " FROM s47_enquiries s"
            " JOIN calendar c_start ON c_start.day = s.start_date"
            " JOIN calendar c_end ON c_end.day = s.icpc_date"
            " WHERE s.icpc_date >= s.start_date"
            " AND c_end.working_days_before - c_start.working_days_before + 1"
            f" <= {ICPC.amount}"
        ),
        denominator_sql="SELECT la_code, child_id, referral_date, icpc_date AS event_date, "
        "1 AS amount, NULL AS breakdown "
        "FROM s47_enquiries WHERE icpc_date IS NOT NULL AND icpc_date >= start_date",
        unit="percent",
        period_types=FLOW,
        polarity="higher_is_better",
        source="cin_census",
        dfe_definition="Initial child protection conferences held in the period "
        f"(DateOfInitialCPC) within {ICPC.amount} working days of the start of the section 47 "
        "enquiry "
        "(S47ActualStartDate), as a percentage of ICPCs held in the period; records with the "
        "conference before the enquiry are excluded (DfE table D1).",
        benchmark_key=None,
        tables=("s47_enquiries",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="cp_plan_starts",
        title="Children who became subject to a child protection plan",
        meaning_for_children="Children judged at risk of significant harm who now have a plan "
        "to keep them safe.",
        numerator_sql=PLAN_STARTS_SQL,
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Child protection plans starting in the period (CPPstartDate); a child "
        "whose plan starts twice in a period counts twice, as DfE counts plans starting. "
        "By category: the initial category of abuse.",
        benchmark_key=None,
        tables=("cp_plans",),
        breakdowns=(*EPISODE, "category"),
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="cp_repeat_plan_pct",
        title="Second or subsequent child protection plans",
        meaning_for_children="Children back on a plan: earlier protection may not have lasted.",
        numerator_sql=(
            "SELECT la_code, child_id, referral_date, category_code, start_date AS event_date,"
            " 1 AS amount, NULL AS breakdown FROM ("
            " SELECT la_code, child_id, referral_date, initial_category AS category_code,"
            " start_date, previous_plans, count(*) OVER ("
            " PARTITION BY la_code, child_id ORDER BY start_date"
            " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
            " AS earlier_plans FROM cp_plans WHERE start_date IS NOT NULL)"
            " WHERE coalesce(previous_plans, 0) > 0 OR earlier_plans > 0"
        ),
        denominator_sql=PLAN_STARTS_SQL,
        unit="percent",
        period_types=FLOW,
        polarity="lower_is_better",
        source="cin_census",
        dfe_definition="Child protection plans starting in the period that are a second or "
        "subsequent plan ever (NumberOfPreviousCPP > 0, or an earlier plan for the same child "
        "in the data), as a percentage of plans starting in the period (DfE table D3).",
        benchmark_key="cp_repeat_plan_pct",
        tables=("cp_plans",),
        breakdowns=(*EPISODE, "category"),
        breakdown_from="episode",
    ),
    _category("NEG", "neglect", "Children on a plan because of neglect."),
    _category("EMO", "emotional", "Children on a plan because of emotional abuse."),
    _category("PHY", "physical", "Children on a plan because of physical abuse."),
    _category("SAB", "sexual", "Children on a plan because of sexual abuse."),
    _category("MUL", "multiple", "Children on a plan under more than one category of abuse."),
    IndicatorSpec(
        id="cin_rate_per_10k",
        title="Children in need per 10,000 children",
        meaning_for_children="How many children are receiving help as children in need.",
        numerator_sql="SELECT la_code, child_id, referral_date AS open_from, "
        "closure_date AS open_to, NULL AS breakdown FROM cin_episodes "
        "WHERE referral_date IS NOT NULL",
        denominator_sql=None,
        unit="rate_per_10k",
        period_types=STOCK,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Children with a CIN episode open at the end of the period (referral "
        "on or before the day, not closed by it), per 10,000 children aged under 18 (ONS "
        "mid-year estimate for the year); DfE table B1 gives the figure at 31 March.",
        benchmark_key="cin_rate_per_10k",
        tables=("cin_episodes",),
        counting="open_at_end",
    ),
)
