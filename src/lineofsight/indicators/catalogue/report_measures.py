# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""The measures the partnership's annual reports use (2016-17 and 2020-21), where the returns
hold what they need: referral rate, no further action after assessment, assessment factors
(neglect, emotional abuse, domestic abuse; report table 5), plans open 2 years or more,
placement stability, health assessments, missing episodes and care leavers in touch and in
suitable accommodation.  Each names the published DfE figure it compares with, if any.
"""

from __future__ import annotations

from lineofsight.calendar.timescales import (
    CLA_FIRST_REVIEW,
    CLA_REVIEW,
    CLA_SECOND_REVIEW,
    CP_FIRST_REVIEW,
    CP_REVIEW,
)
from lineofsight.indicators.breakdowns import CATEGORY_WORDS
from lineofsight.indicators.catalogue.children_in_need import (
    CHILD,
    EPISODE,
    FLOW,
    REFERRALS_SQL,
    STOCK,
)
from lineofsight.indicators.catalogue.looked_after import NOT_RESPITE, care_leavers_19_21_pct
from lineofsight.indicators.catalogue.spec import IndicatorSpec
from lineofsight.indicators.periods import PeriodType

YEARLY: tuple[PeriodType, ...] = ("financial_year",)
AT_DATES: tuple[PeriodType, ...] = ("snapshot", "month", "quarter")

# Assessments completed (authorised) in the period that record at least one factor; code 21 is
# "no factors identified" and does not count as one.
ASSESSED_WITH_A_FACTOR = (
    "SELECT la_code, child_id, referral_date, authorisation_date AS event_date, 1 AS amount,"
    " NULL AS breakdown, codes FROM (SELECT la_code, child_id, referral_date, authorisation_date,"
    " list_filter(string_split(trim(factors), ' '),"
    " lambda c: c <> '' AND c <> '21') AS codes FROM cin_assessments"
    " WHERE authorisation_date IS NOT NULL AND factors IS NOT NULL)"
    " WHERE len(codes) > 0"
)


def _factor(
    code: str, word: str, title: str, meaning: str, benchmark: str | None = None
) -> IndicatorSpec:
    return IndicatorSpec(
        id=f"factor_{word}_pct",
        title=f"Assessments that identified {title}",
        meaning_for_children=meaning,
        numerator_sql=f"SELECT * FROM ({ASSESSED_WITH_A_FACTOR}) WHERE list_contains(codes, "
        f"'{code}')",
        denominator_sql=ASSESSED_WITH_A_FACTOR,
        unit="percent",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition=f"Assessments completed in the period (AssessmentAuthorisationDate) "
        f"whose factors at the end of assessment include {code} ({title}), as a percentage "
        "of assessments completed in the period that recorded at least one factor (code 21, "
        "no factors identified, is not a factor). DfE table C3 counts episodes with the "
        "factor against episodes with any factor, in the year to 31 March.",
        benchmark_key=benchmark or f"factor_{word}_pct",
        tables=("cin_assessments",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    )


# Children looked after at each 31 March in the returns (one row per child and year end).
_LOOKED_AFTER_AT_YEAR_END = (
    "SELECT DISTINCT e.la_code, e.child_id, y.year_end FROM cla_episodes e"
    " JOIN (SELECT DISTINCT make_date(CAST(collection_year AS INTEGER), 3, 31) AS year_end"
    " FROM cla_episodes WHERE collection_year IS NOT NULL) y"
    " ON e.start_date <= y.year_end AND (e.end_date IS NULL OR e.end_date > y.year_end)"
    f" WHERE e.start_date IS NOT NULL AND {NOT_RESPITE.replace('legal_status', 'e.legal_status')}"
)
# Placements in the year ending year_end of a child looked after then: the placement held on
# 1 April (an episode begun before the year and still open on its first day) plus every
# episode begun in the year other than a change of legal status only (RNE L).
_PLACEMENTS_IN_YEAR = (
    "SELECT a.la_code, a.child_id, a.year_end, count(*) FILTER (WHERE e.start_date >"
    " a.year_end - INTERVAL 1 YEAR AND coalesce(e.reason_new_episode, '') <> 'L')"
    " + max(CASE WHEN e.start_date <= a.year_end - INTERVAL 1 YEAR THEN 1 ELSE 0 END)"
    f" AS placements FROM ({_LOOKED_AFTER_AT_YEAR_END}) a JOIN cla_episodes e"
    " ON e.la_code = a.la_code AND e.child_id = a.child_id AND e.start_date <= a.year_end"
    " AND (e.end_date IS NULL OR e.end_date > a.year_end - INTERVAL 1 YEAR)"
    f" WHERE {NOT_RESPITE.replace('legal_status', 'e.legal_status')}"
    " GROUP BY a.la_code, a.child_id, a.year_end"
)

PLANS_OPEN_SQL = (
    "SELECT la_code, child_id, start_date AS open_from, end_date AS open_to, NULL AS breakdown,"
    " coalesce(latest_category, initial_category) AS category_code"
    " FROM cp_plans WHERE start_date IS NOT NULL"
)

# Child protection reviews, each with the date it was due: the first review conference within
# CP_FIRST_REVIEW of the plan's start (the initial conference), later ones within CP_REVIEW of the
# previous review of the same plan.
CP_REVIEWS_DUE = (
    "SELECT la_code, child_id, referral_date, review_date AS event_date, 1 AS amount,"
    " NULL AS breakdown, review_date <= CASE WHEN previous IS NULL"
    f" THEN plan_start_date + INTERVAL {CP_FIRST_REVIEW.amount} MONTH"
    f" ELSE previous + INTERVAL {CP_REVIEW.amount} MONTH END AS on_time"
    " FROM (SELECT la_code, child_id, referral_date, plan_start_date, review_date,"
    " lag(review_date) OVER"
    " (PARTITION BY la_code, child_id, plan_start_date ORDER BY review_date) AS previous"
    " FROM cp_reviews WHERE review_date IS NOT NULL AND plan_start_date IS NOT NULL)"
)

# Reviews of looked after children with the start of the period of care they belong to (the
# latest episode begun with RNE S on or before the review); respite care (V3/V4) is reviewed
# under other rules and left out.
_CLA_REVIEWS_IN_CARE = (
    "SELECT r.la_code, r.child_id, r.review_date, max(e.start_date) AS care_start,"
    " arg_max(coalesce(e.legal_status, ''), e.start_date) AS care_status"
    " FROM cla_reviews r JOIN cla_episodes e ON e.la_code = r.la_code"
    " AND e.child_id = r.child_id AND e.start_date <= r.review_date"
    " AND upper(e.reason_new_episode) = 'S'"
    " WHERE r.review_date IS NOT NULL GROUP BY r.la_code, r.child_id, r.review_date"
)
# The first review is due on the CLA_FIRST_REVIEW-th working day after the care start (day 0):
# on time when fewer than that many working days lie from the day after the start up to (not
# including) the review; the second within CLA_SECOND_REVIEW of the first, later ones within
# CLA_REVIEW of the previous.
CLA_REVIEWS_DUE = (
    "SELECT s.la_code, s.child_id, s.review_date AS event_date, 1 AS amount, NULL AS breakdown,"
    " CASE WHEN s.review_number = 1 THEN c_review.working_days_before"
    f" - c_after.working_days_before < {CLA_FIRST_REVIEW.amount}"
    " WHEN s.review_number = 2 THEN s.review_date <= s.previous"
    f" + INTERVAL {CLA_SECOND_REVIEW.amount} MONTH"
    f" ELSE s.review_date <= s.previous + INTERVAL {CLA_REVIEW.amount} MONTH END AS on_time"
    " FROM (SELECT *, row_number() OVER care AS review_number,"
    " lag(review_date) OVER care AS previous"
    f" FROM ({_CLA_REVIEWS_IN_CARE}) WHERE care_status NOT IN ('V3', 'V4')"
    " WINDOW care AS (PARTITION BY la_code, child_id, care_start ORDER BY review_date)) s"
    " JOIN calendar c_review ON c_review.day = s.review_date"
    " JOIN calendar c_after ON c_after.day = s.care_start + 1"
)

# Children looked after at 31 March, under 16 then and looked after continuously for 2.5 years
# (the current period of care began, RNE S, at least 30 months before), with the start of their
# current carer: the latest episode begun with S, P (placement and carer change) or T (legal
# status and placement and carer change); L, B and U keep the same carer.
_LONG_TERM_IN_CARE = (
    "SELECT l.la_code, l.child_id, l.year_end, l.carer_start FROM ("
    "SELECT a.la_code, a.child_id, a.year_end,"
    " max(e.start_date) FILTER (WHERE upper(e.reason_new_episode) = 'S') AS care_start,"
    " max(e.start_date) FILTER (WHERE upper(e.reason_new_episode) IN ('S', 'P', 'T'))"
    f" AS carer_start FROM ({_LOOKED_AFTER_AT_YEAR_END}) a JOIN cla_episodes e"
    " ON e.la_code = a.la_code AND e.child_id = a.child_id AND e.start_date <= a.year_end"
    " GROUP BY a.la_code, a.child_id, a.year_end) l"
    " JOIN cla_children c ON c.la_code = l.la_code AND c.child_id = l.child_id"
    " WHERE c.birth_date > l.year_end - INTERVAL 16 YEAR"
    " AND l.care_start <= l.year_end - INTERVAL 30 MONTH"
)

REPORT_MEASURES: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="referral_rate_per_10k",
        title="Referrals per 10,000 children",
        meaning_for_children="How often children are referred for a social work response, "
        "allowing for how many children live here.",
        numerator_sql=REFERRALS_SQL,
        denominator_sql=None,
        unit="rate_per_10k",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Referrals (CINreferralDate) in the period per 10,000 children aged "
        "under 18 (ONS mid-year estimate for the year). DfE table C1 publishes the referral "
        "count; the published rate is that count over the same ONS estimate.",
        benchmark_key="referral_rate_per_10k",
        tables=("cin_episodes",),
    ),
    IndicatorSpec(
        id="assessment_nfa_pct",
        title="Cases closed after assessment with no further action",
        meaning_for_children="Children assessed and found not to need further help from "
        "children's social care.",
        numerator_sql="SELECT la_code, child_id, referral_date, closure_date AS event_date, "
        "1 AS amount, NULL AS breakdown FROM cin_episodes WHERE closure_date IS NOT NULL "
        "AND upper(closure_reason) = 'RC8'",
        denominator_sql="SELECT la_code, child_id, referral_date, closure_date AS event_date, "
        "1 AS amount, NULL AS breakdown FROM cin_episodes WHERE closure_date IS NOT NULL",
        unit="percent",
        period_types=FLOW,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Episodes of need closed in the period with reason RC8 (case closed "
        "after assessment, no further action), as a percentage of all episodes closed in "
        "the period (CINclosureDate, ReasonForClosure).",
        benchmark_key=None,
        tables=("cin_episodes",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    _factor(
        "12A",
        "neglect",
        "neglect",
        "Children whose assessment found neglect: the most common reason for a plan.",
    ),
    _factor(
        "13A",
        "emotional_abuse",
        "emotional abuse",
        "Children whose assessment found emotional abuse.",
    ),
    _factor(
        "3A",
        "domestic_abuse_child",
        "domestic abuse concerning the child",
        "Children whose assessment found domestic abuse towards them.",
    ),
    _factor(
        "3B",
        "domestic_abuse_parent",
        "domestic abuse concerning a parent or carer",
        "Children living with domestic abuse between the adults caring for them.",
    ),
    _factor(
        "3C",
        "domestic_abuse_person",
        "domestic abuse concerning another person in the household",
        "Children living with domestic abuse involving another person in the home.",
    ),
    IndicatorSpec(
        id="cp_plans_2_years_or_more_pct",
        title="Child protection plans open for 2 years or more",
        meaning_for_children="Children who have needed a plan for a long time: help may "
        "not be changing things for them.",
        numerator_sql="SELECT la_code, child_id, start_date + INTERVAL 2 YEAR AS open_from, "
        "end_date AS open_to, NULL AS breakdown, coalesce(latest_category, initial_category) "
        "AS category_code FROM cp_plans WHERE start_date IS NOT NULL",
        denominator_sql=PLANS_OPEN_SQL,
        unit="percent",
        period_types=AT_DATES,
        polarity="lower_is_better",
        source="cin_census",
        dfe_definition="Children on a child protection plan at the end of the period whose "
        "plan started 2 years or more before it (CPPstartDate), as a percentage of children "
        "on a plan then (DfE table D5 gives plans at 31 March by length).",
        benchmark_key="cp_plans_31_march_2_years_or_more_pct",
        tables=("cp_plans",),
        counting="open_at_end",
        denominator_counting="open_at_end",
        breakdowns=(*CHILD, "category"),
    ),
    IndicatorSpec(
        id="cla_3_plus_placements_pct",
        title="Children in care with 3 or more placements in the year",
        meaning_for_children="Children in care who have had to move home often: stability "
        "matters for every child.",
        numerator_sql="SELECT la_code, year_end AS event_date, child_id, NULL AS breakdown "
        f"FROM ({_PLACEMENTS_IN_YEAR}) WHERE placements >= 3",
        denominator_sql="SELECT la_code, year_end AS event_date, child_id, NULL AS breakdown "
        f"FROM ({_LOOKED_AFTER_AT_YEAR_END})",
        unit="percent",
        period_types=YEARLY,
        polarity="lower_is_better",
        source="ssda903",
        dfe_definition="Children looked after at 31 March (V3/V4 respite excluded) who had "
        "3 or more placements in the year to 31 March, as a percentage of children looked "
        "after at 31 March. Placements: the one held on 1 April, plus every episode begun in "
        "the year other than a change of legal status only (RNE L). DfE placement stability "
        "table, CLA on 31 March.",
        benchmark_key="cla_3_plus_placements_pct",
        tables=("cla_episodes",),
        counting="children",
        denominator_counting="children",
        breakdowns=CHILD,
    ),
    IndicatorSpec(
        id="cla_health_assessment_pct",
        title="Children in care with an up-to-date health assessment",
        meaning_for_children="Children in care whose health needs have been checked this year.",
        numerator_sql="SELECT la_code, child_id, make_date(CAST(collection_year AS INTEGER), 3, "
        "31) AS event_date, 1 AS amount, NULL AS breakdown FROM cla_outcomes "
        "WHERE health_assessment AND collection_year IS NOT NULL",
        denominator_sql="SELECT la_code, child_id, make_date(CAST(collection_year AS INTEGER), "
        "3, 31) AS event_date, 1 AS amount, NULL AS breakdown FROM cla_outcomes "
        "WHERE health_assessment IS NOT NULL AND collection_year IS NOT NULL",
        unit="percent",
        period_types=YEARLY,
        polarity="higher_is_better",
        source="ssda903",
        dfe_definition="Children in the SSDA903 OC2 return (looked after continuously for 12 "
        "months at 31 March) whose health assessment is up to date (HEALTH_ASSESSMENT 1), as "
        "a percentage of those with the item recorded; the year ending the return's 31 March.",
        benchmark_key=None,
        tables=("cla_outcomes",),
        breakdowns=CHILD,
    ),
    IndicatorSpec(
        id="cla_missing_episodes",
        title="Missing episodes of children in care",
        meaning_for_children="Times a child in care went missing: each is a risk of harm "
        "and exploitation.",
        numerator_sql="SELECT la_code, child_id, start_date AS event_date, 1 AS amount, "
        "NULL AS breakdown FROM cla_missing WHERE start_date IS NOT NULL "
        "AND upper(missing_type) = 'M'",
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="lower_is_better",
        source="ssda903",
        dfe_definition="Missing episodes (SSDA903 missing table, MISSING = M; 'away from "
        "placement without authorisation', A, is not counted) starting in the period "
        "(MIS_START).",
        benchmark_key=None,
        tables=("cla_missing",),
        breakdowns=CHILD,
    ),
    care_leavers_19_21_pct(
        "in_touch",
        "the council is in touch with",
        "Young adults who were in care and still have the council's support.",
        "in_touch",
        "upper(in_touch) = 'YES'",
        "Care leavers whose 19th, 20th or 21st birthday fell in the year and "
        "with whom the local authority was in touch (OC3 IN_TOUCH YES), as a percentage of "
        "all care leavers of those ages in the year.",
    ),
    care_leavers_19_21_pct(
        "suitable_accommodation",
        "in suitable accommodation",
        "Young adults who were in care and have a safe, suitable home.",
        "accommodation",
        "accommodation LIKE '_1'",
        "Care leavers whose 19th, 20th or 21st birthday fell in the year whose "
        "accommodation (OC3 ACCOM) is considered suitable (a code ending in 1, e.g. K1), as "
        "a percentage of all care leavers of those ages in the year, including those whose "
        "accommodation is not known (DfE care leavers' accommodation table, 'suitability "
        "total').",
        benchmarked=True,
    ),
    IndicatorSpec(
        id="cp_reviews_on_time_pct",
        title="Child protection review conferences held on time",
        meaning_for_children="Children on a plan whose progress was checked by a review "
        "conference when it should have been.",
        numerator_sql=f"SELECT * FROM ({CP_REVIEWS_DUE}) WHERE on_time",
        denominator_sql=CP_REVIEWS_DUE,
        unit="percent",
        period_types=FLOW,
        polarity="higher_is_better",
        source="cin_census",
        dfe_definition="Child protection review conferences (CPPreviewDate) held in the "
        "period that were on time, as a percentage of all review conferences held in the "
        f"period. On time: the first review within {CP_FIRST_REVIEW.amount} months of the plan's "
        f"start (CPPstartDate, the initial conference), each later one within "
        f"{CP_REVIEW.amount} months of the previous review of the same plan (Working Together "
        "2023). A review counts in the period it was held; a missed review shows as the next "
        "one being late. DfE publishes a child-level version (children on a plan for 3 months "
        "or more all of whose reviews were on time) that is not in the shared tables.",
        benchmark_key=None,
        tables=("cp_reviews",),
        breakdowns=EPISODE,
        breakdown_from="episode",
    ),
    IndicatorSpec(
        id="cla_reviews_on_time_pct",
        title="Children in care reviews held on time",
        meaning_for_children="Children in care whose plan was reviewed, with them, when the law "
        "says it must be.",
        numerator_sql=f"SELECT * FROM ({CLA_REVIEWS_DUE}) WHERE on_time",
        denominator_sql=CLA_REVIEWS_DUE,
        unit="percent",
        period_types=FLOW,
        polarity="higher_is_better",
        source="ssda903",
        dfe_definition="Reviews of looked after children (SSDA903 reviews, REVIEW) held in the "
        "period that were on time, as a percentage of all reviews held in the period. On time "
        f"(Care Planning Regulations 2010, reg. 33): the first within {CLA_FIRST_REVIEW.amount} "
        "working days of the start of the period of care (the latest episode with RNE S on or "
        f"before the review; the start is day 0), the second within {CLA_SECOND_REVIEW.amount} "
        f"months of the first, each later one within {CLA_REVIEW.amount} months of the previous. "
        "Periods of care that began as respite (V3/V4) and reviews with no period of care "
        "before them are left out. Not a DfE published statistic.",
        benchmark_key=None,
        tables=("cla_reviews", "cla_episodes"),
        breakdowns=CHILD,
    ),
    IndicatorSpec(
        id="cla_same_placement_2_years_pct",
        title="Children in care long term living with the same carer for 2 years",
        meaning_for_children="Children in care for a long time who have had a settled home "
        "with the same carers.",
        numerator_sql="SELECT la_code, year_end AS event_date, child_id, NULL AS breakdown "
        f"FROM ({_LONG_TERM_IN_CARE}) WHERE carer_start <= year_end - INTERVAL 2 YEAR",
        denominator_sql="SELECT la_code, year_end AS event_date, child_id, NULL AS breakdown "
        f"FROM ({_LONG_TERM_IN_CARE})",
        unit="percent",
        period_types=YEARLY,
        polarity="higher_is_better",
        source="ssda903",
        dfe_definition="Children looked after at 31 March (V3/V4 respite excluded), aged under "
        "16 then and looked after continuously for at least 2.5 years (their current period "
        "of care began, RNE S, 30 months or more before), who had been living with the same "
        "carer for at least 2 years (no episode begun with RNE S, P or T in the 2 years "
        "before 31 March), as a percentage of those children. DfE placement stability table, "
        "'living with the same carer for at least 2 years'. DfE also counts a child placed for "
        "adoption whose adoptive and previous placements together last 2 years; that "
        "exception is not applied here, so the figure can be a little lower than DfE's.",
        benchmark_key="cla_same_placement_2_years_pct",
        tables=("cla_episodes", "cla_children"),
        counting="children",
        denominator_counting="children",
        breakdowns=CHILD,
    ),
    IndicatorSpec(
        id="cp_children_on_plan",
        title="Children on a child protection plan, by category of abuse",
        meaning_for_children="Children the partnership is protecting from significant harm "
        "under a plan, and what harm they were at risk of.",
        numerator_sql=PLANS_OPEN_SQL,
        denominator_sql=None,
        unit="count",
        period_types=STOCK,
        polarity="neutral",
        source="cin_census",
        dfe_definition="Children on a child protection plan at the end of the period (31 March "
        "for the year; CPPstartDate on or before it, CPPendDate after it or none), by the "
        "plan's latest category of abuse (LatestCategoryOfAbuse, else the initial one): "
        + ", ".join(f"{code} {word.lower()}" for code, word in CATEGORY_WORDS.items())
        + ". DfE table D4 gives the same at 31 March; it is not in the shared tables.",
        benchmark_key=None,
        tables=("cp_plans",),
        counting="open_at_end",
        breakdowns=("category", *CHILD),
    ),
)
