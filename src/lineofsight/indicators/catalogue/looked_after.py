# ruff: noqa: S608 - SQL is built from the declared catalogue and quoted file paths, never from user input
"""Children looked after, care leavers and early help indicators (SSDA903, Annex A)."""

from __future__ import annotations

from lineofsight.indicators.catalogue.children_in_need import CHILD, FLOW, STOCK
from lineofsight.indicators.catalogue.spec import IndicatorSpec

# Agreed series of short-term placements (respite) are not counted as looked after by DfE.
NOT_RESPITE = "coalesce(legal_status, '') NOT IN ('V3', 'V4')"

# The birthday in the return's year (1 April to 31 March) and the age reached on it.
_BIRTHDAY_AGE = (
    "(CASE WHEN month(birth_date) >= 4 THEN collection_year - 1 ELSE collection_year END)"
    " - year(birth_date)"
)


def care_leavers_19_21(column: str) -> str:
    """OC3 rows of care leavers whose 19th, 20th or 21st birthday fell in the return's year,
    dated on that birthday, carrying ``column`` (e.g. ``activity``)."""
    return (
        "SELECT la_code, birth_date + to_years(CAST(age AS INTEGER)) AS event_date, 1 AS amount,"
        f" NULL AS breakdown, {column} FROM ("
        f" SELECT la_code, birth_date, {column}, {_BIRTHDAY_AGE} AS age FROM care_leavers"
        " WHERE birth_date IS NOT NULL AND collection_year IS NOT NULL)"
        " WHERE age BETWEEN 19 AND 21"
    )


def care_leavers_19_21_pct(
    what: str,
    title: str,
    meaning: str,
    column: str,
    counted: str,
    definition: str,
    *,
    benchmarked: bool = False,
) -> IndicatorSpec:
    """Care leavers aged 19 to 21 whose OC3 ``column`` meets ``counted`` (a SQL condition), as a
    percentage of all care leavers of those ages in the year; ``benchmarked``: DfE publishes the
    figure under the indicator's own id."""
    indicator_id = f"care_leavers_19_21_{what}_pct"
    return IndicatorSpec(
        id=indicator_id,
        title=f"Care leavers aged 19 to 21 {title}",
        meaning_for_children=meaning,
        numerator_sql=f"SELECT * FROM ({care_leavers_19_21(column)}) WHERE {counted}",
        denominator_sql=care_leavers_19_21(column),
        unit="percent",
        period_types=("financial_year",),
        polarity="higher_is_better",
        source="ssda903",
        dfe_definition=definition,
        benchmark_key=indicator_id if benchmarked else None,
        tables=("care_leavers",),
    )


LOOKED_AFTER: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="cla_rate_per_10k",
        title="Children looked after per 10,000 children",
        meaning_for_children="How many children are in the care of the local authority.",
        numerator_sql="SELECT la_code, child_id, start_date AS open_from, end_date AS open_to, "
        f"NULL AS breakdown FROM cla_episodes WHERE start_date IS NOT NULL AND {NOT_RESPITE}",
        denominator_sql=None,
        unit="rate_per_10k",
        period_types=("snapshot", "month", "quarter"),
        polarity="neutral",
        source="ssda903",
        dfe_definition="Children looked after at 31 March (an episode started on or before "
        "the day and not ended by it; agreed series of short-term placements, legal status "
        "V3/V4, excluded) per 10,000 children aged under 18 (DfE children looked after in "
        "England). The published figure is the 31 March snapshot; month and quarter ends use "
        "the same rule.",
        benchmark_key="cla_rate_per_10k",
        tables=("cla_episodes",),
        counting="open_at_end",
    ),
    IndicatorSpec(
        id="cla_starts",
        title="Children who started to be looked after",
        meaning_for_children="Children coming into care.",
        numerator_sql="SELECT la_code, start_date AS event_date, child_id, "
        "cin_category AS need_code, NULL AS breakdown FROM "
        f"cla_episodes WHERE start_date IS NOT NULL AND reason_new_episode = 'S' AND {NOT_RESPITE}",
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="neutral",
        source="ssda903",
        dfe_definition="Children who started to be looked after in the period (episode with "
        "reason for new episode S), each child counted once in a period; V3/V4 excluded. "
        "By need: the episode's category of need (CIN).",
        benchmark_key=None,
        tables=("cla_episodes",),
        counting="children",
        breakdowns=(*CHILD, "need"),
    ),
    IndicatorSpec(
        id="cla_ceased",
        title="Children who ceased to be looked after",
        meaning_for_children="Children leaving care: home, to adoption, special guardianship "
        "or adulthood.",
        numerator_sql="SELECT la_code, end_date AS event_date, child_id, "
        "cin_category AS need_code, NULL AS breakdown FROM cla_episodes WHERE end_date IS NOT "
        f"NULL AND coalesce(reason_episode_ceased, '') <> 'X1' AND {NOT_RESPITE}",
        denominator_sql=None,
        unit="count",
        period_types=FLOW,
        polarity="neutral",
        source="ssda903",
        dfe_definition="Children who ceased to be looked after in the period (an episode "
        "ending with a reason other than X1, 'episode ceases and new episode begins'), each "
        "child counted once in a period; V3/V4 excluded. By need: the episode's category of "
        "need (CIN).",
        benchmark_key=None,
        tables=("cla_episodes",),
        counting="children",
        breakdowns=(*CHILD, "need"),
    ),
    care_leavers_19_21_pct(
        "eet",
        "in education, employment or training",
        "Young adults who were in care and are learning or working.",
        "activity",
        "activity IN (SELECT code FROM oc3_activity_codes WHERE eet)",
        "Care leavers whose 19th, 20th or 21st birthday fell in the year, with "
        "activity (OC3 ACTIV) F1/P1 higher education, F2/P2 other education, F4/P4 training "
        "or employment or F5/P5 apprenticeship, as a percentage of all care leavers of those "
        "ages in the year, including those whose activity is not known (DfE care leavers' "
        "activity table).",
        benchmarked=True,
    ),
    IndicatorSpec(
        id="early_help_rate_per_10k",
        title="Children in early help assessment per 10,000 children",
        meaning_for_children="Families getting help early, before problems escalate: those "
        "whose early help assessment is under way.",
        numerator_sql="SELECT la_code, child_id, start_date AS open_from, end_date AS open_to, "
        "NULL AS breakdown FROM early_help WHERE start_date IS NOT NULL",
        denominator_sql=None,
        unit="rate_per_10k",
        period_types=STOCK,
        polarity="neutral",
        source="annex_a",
        dfe_definition="Children whose early help assessment was in progress at the end of the "
        "period (Annex A list 2: assessment start date on or before it, assessment completion "
        "date after it or none), per 10,000 children aged under 18. Annex A records the "
        "assessment, not the case: a family still helped after its assessment was completed "
        "is not counted here. Early help cases open (the service's own count of cases open at "
        "the end of the period) is the partner-return measure 'Early help cases open'. No DfE "
        "statistic.",
        benchmark_key=None,
        tables=("early_help",),
        counting="open_at_end",
    ),
)
