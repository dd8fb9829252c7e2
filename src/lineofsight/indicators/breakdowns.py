# ruff: noqa: S608 - SQL is built from the constants below and declared catalogue SQL, never user input
"""Breakdowns of child-level indicators by who the children are and how they came to us.

An indicator declares the dimensions its rows carry (``IndicatorSpec.breakdowns``): age band,
sex, ethnicity, referral source, primary need, category of abuse.  The engine adds to every row
of such an indicator a ``by_<dimension>`` column with the words shown to readers (a missing or
unknown code is "Not recorded", so a dimension's rows add up to the total), and each result
row of a breakdown carries ``"<dimension>:<words>"`` in ``breakdown``, e.g. ``"age:10 to 15"``.
A breakdown declared by the indicator's own SQL (a partner return's risk level) has no prefix.

Where a dimension comes from:

- age band, sex and ethnicity: the child (``child_facts``: the CIN census child, else the
  SSDA903 child, by ``la_code`` and ``child_id``).  The age band is the age on the event's
  date; for a stock (children open at a date) it is the age at the period's end, so a child
  on a plan across a birthday moves band on that day.  Ethnicity is the DfE major group.
- referral source and primary need: the CIN episode of the row (``episode_facts``, by
  ``la_code``, ``child_id`` and ``referral_date``) when the indicator says its rows come from
  an episode; otherwise the row's own ``source_code`` or ``need_code`` (the SSDA903 category of
  need, ``cin_category``).
- category of abuse: the row's ``category_code``.

Breakdowns are kept for quarters, financial years and 31 March snapshots, not for months: a
month's breakdown is mostly counts of 1 to 5, which nobody but the analysts may see.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import duckdb

NOT_RECORDED = "Not recorded"

DIMENSIONS: dict[str, str] = {
    "age": "Age band",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "source": "Referral or contact source",
    "need": "Primary need",
    "category": "Category of abuse",
}

# (words, from age, to age): the age on the day is at least ``from`` and under ``to`` (DfE's
# bands for children in need and children looked after); "Unborn" is before the birth date.
AGE_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("Unborn", None, 0),
    ("Under 1", 0, 1),
    ("1 to 4", 1, 5),
    ("5 to 9", 5, 10),
    ("10 to 15", 10, 16),
    ("16 and over", 16, None),
)

SEX_WORDS = {"M": "Male", "1": "Male", "F": "Female", "2": "Female"}

# DfE's major ethnic groups, by the first letter of the code; REFU and NOBT are not recorded.
ETHNIC_GROUPS = {
    "W": "White",
    "M": "Mixed",
    "A": "Asian or Asian British",
    "B": "Black or Black British",
    "C": "Other ethnic group",
    "O": "Other ethnic group",
}

# DfE table C2's groups of referral source (CIN census ReferralSource).
SOURCE_GROUPS = {
    "1": "Individual",
    "2A": "Schools",
    "2B": "Education services",
    "3": "Health services",
    "4": "Housing",
    "5": "Local authority services",
    "6": "Police",
    "7": "Other legal agency",
    "8": "Other",
    "9": "Anonymous",
    "10": "Unknown",
}

NEED_WORDS = {
    "N0": "Not stated",
    "N1": "Abuse or neglect",
    "N2": "Child's disability",
    "N3": "Parental disability or illness",
    "N4": "Family in acute stress",
    "N5": "Family dysfunction",
    "N6": "Socially unacceptable behaviour",
    "N7": "Low income",
    "N8": "Absent parenting",
    "N9": "Cases other than children in need",
}

CATEGORY_WORDS = {
    "NEG": "Neglect",
    "PHY": "Physical abuse",
    "SAB": "Sexual abuse",
    "EMO": "Emotional abuse",
    "MUL": "Multiple categories",
}

_PREFIX = tuple(f"{key}:" for key in DIMENSIONS)


def split(breakdown: str) -> tuple[str, str]:
    """``("age", "10 to 15")`` for ``"age:10 to 15"``; ``("", "high")`` for an indicator's own
    breakdown (no dimension prefix)."""
    if breakdown.startswith(_PREFIX):
        key, _, words = breakdown.partition(":")
        return key, words
    return "", breakdown


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _case(expression: str, words: dict[str, str]) -> str:
    whens = " ".join(f"WHEN {_quoted(code)} THEN {_quoted(word)}" for code, word in words.items())
    return f"CASE {expression} {whens} ELSE {_quoted(NOT_RECORDED)} END"


def sex_sql(column: str) -> str:
    return _case(f"upper(trim({column}))", SEX_WORDS)


def ethnicity_sql(column: str) -> str:
    code = f"upper(trim({column}))"
    return (
        f"CASE WHEN {code} IN ('REFU', 'NOBT') THEN {_quoted(NOT_RECORDED)} ELSE "
        f"{_case(f'left({code}, 1)', ETHNIC_GROUPS)} END"
    )


def source_sql(column: str) -> str:
    code = f"upper(trim({column}))"
    whole = {c: w for c, w in SOURCE_GROUPS.items() if len(c) > 1}
    first = {c: w for c, w in SOURCE_GROUPS.items() if len(c) == 1}
    return (
        f"CASE WHEN {code} IN ({', '.join(_quoted(c) for c in whole)}) THEN "
        f"{_case(code, whole)} ELSE {_case(f'left({code}, 1)', first)} END"
    )


def need_sql(column: str) -> str:
    return _case(f"upper(trim({column}))", NEED_WORDS)


def category_sql(column: str) -> str:
    return _case(f"upper(trim({column}))", CATEGORY_WORDS)


def _years_after(birth: str, years: int | str) -> str:
    return f"CAST({birth} + to_years({years}) AS DATE)"


def age_band_sql(birth: str, day: str) -> str:
    """The words of the age band on ``day`` of a child born on ``birth`` (a 29 February birthday
    falls on 28 February in other years)."""
    whens = []
    for words, _, to_age in AGE_BANDS:
        if to_age is None:
            whens.append(f"ELSE {_quoted(words)}")
        else:
            whens.append(f"WHEN {day} < {_years_after(birth, to_age)} THEN {_quoted(words)}")
    return f"CASE WHEN {birth} IS NULL THEN {_quoted(NOT_RECORDED)} {' '.join(whens)} END"


def age_band_intervals_sql(keyed: str, far: str) -> str:
    """The rows of ``keyed`` (``la``, ``child_id``, ``open_from``, ``open_to``,
    ``dim_birth_date``) cut at the birthdays that start an age band: one row per band the
    open interval touches, with ``grp`` ``"age:<band>"``, so a stock counted at a day puts
    each child in the band of their age on that day."""
    bands = " UNION ALL ".join(
        f"SELECT {_quoted('age:' + words)} AS grp, "
        f"{'NULL' if from_age is None else from_age} AS from_age, "
        f"{'NULL' if to_age is None else to_age} AS to_age"
        for words, from_age, to_age in AGE_BANDS
    )
    start = (
        "CASE WHEN b.from_age IS NULL THEN k.open_from ELSE greatest(k.open_from, "
        f"{_years_after('k.dim_birth_date', 'b.from_age')}) END"
    )
    end = (
        f"CASE WHEN b.to_age IS NULL THEN coalesce(k.open_to, {far}) ELSE "
        f"least(coalesce(k.open_to, {far}), {_years_after('k.dim_birth_date', 'b.to_age')}) END"
    )
    return (
        f"SELECT k.la, k.child_id, {start} AS open_from, {end} AS open_to, b.grp "
        f"FROM ({keyed}) k JOIN ({bands}) b ON k.dim_birth_date IS NOT NULL "
        "UNION ALL SELECT la, child_id, open_from, open_to, "
        f"{_quoted('age:' + NOT_RECORDED)} FROM ({keyed}) WHERE dim_birth_date IS NULL"
    )


def with_dimensions(
    sql: str, keys: Sequence[str], *, stock: bool, from_episode: bool, la_code: str = "la_code"
) -> str:
    """The rows of ``sql`` with a ``by_<key>`` column (words) for each dimension in ``keys``
    (and ``dim_birth_date`` for a stock, whose age band depends on the day it is counted).

    ``sql``'s rows carry ``la_code`` and ``child_id``; ``event_date`` unless ``stock``;
    ``referral_date`` when ``from_episode`` and source or need is wanted, else ``source_code``
    or ``need_code``; ``category_code`` when category is wanted."""
    unknown = set(keys) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"unknown breakdown dimensions: {sorted(unknown)}")
    columns = []
    child = {"age", "sex", "ethnicity"} & set(keys)
    episode = from_episode and bool({"source", "need"} & set(keys))
    for key in keys:
        if key == "age":
            if stock:
                columns.append("f.birth_date AS dim_birth_date")
                continue
            expression = age_band_sql("f.birth_date", "r.event_date")
        elif key in ("sex", "ethnicity"):  # the child's words, worked out once in child_facts
            expression = f"coalesce(f.{key}_words, {_quoted(NOT_RECORDED)})"
        elif key in ("source", "need") and episode:  # the episode's, in episode_facts
            expression = f"coalesce(e.{key}_words, {_quoted(NOT_RECORDED)})"
        elif key == "source":
            expression = source_sql("r.source_code")
        elif key == "need":
            expression = need_sql("r.need_code")
        else:
            expression = category_sql("r.category_code")
        columns.append(f"{expression} AS by_{key}")
    joins = ""
    if child:
        joins += f" LEFT JOIN child_facts f ON f.la_code = r.{la_code} AND f.child_id = r.child_id"
    if episode:
        joins += (
            f" LEFT JOIN episode_facts e ON e.la_code = r.{la_code} AND e.child_id = r.child_id"
            " AND e.referral_date = r.referral_date"
        )
    return f"SELECT r.*, {', '.join(columns)} FROM ({sql}) r{joins}"


def grouped_keys(keys: Sequence[str], *, stock: bool) -> list[str]:
    """The ``by_`` columns a flow groups by (a stock's age is cut by ``age_band_intervals_sql``)."""
    return [f"by_{key}" for key in keys if not (stock and key == "age")]


FACT_TABLES = ("cin_children", "cla_children", "cin_episodes")


def load_dimensions(connection: duckdb.DuckDBPyConnection, loaded: Collection[str]) -> None:
    """Create ``child_facts`` (la_code, child_id, sex, ethnicity, birth_date: the CIN census
    child, else the SSDA903 one) and ``episode_facts`` (la_code, child_id, referral_date,
    referral_source, primary_need) from the tables loaded; empty when they are not.

    Each also holds the words of its codes (``sex_words``, ``ethnicity_words``;
    ``source_words``, ``need_words``), worked out here once rather than in every indicator's
    query: most of a small query's time is DuckDB planning it, and these expressions are long
    (ADR 0030)."""
    children = [
        f"SELECT la_code, child_id, sex, ethnicity, birth_date, {rank} AS rank FROM {table}"
        for rank, table in enumerate(("cin_children", "cla_children"))
        if table in loaded
    ] or [
        "SELECT NULL::VARCHAR AS la_code, NULL::VARCHAR AS child_id, NULL::VARCHAR AS sex, "
        "NULL::VARCHAR AS ethnicity, NULL::DATE AS birth_date, 0 AS rank WHERE false"
    ]
    facts = (
        "SELECT la_code, child_id, "
        "arg_min(sex, rank) FILTER (WHERE sex IS NOT NULL) AS sex, "
        "arg_min(ethnicity, rank) FILTER (WHERE ethnicity IS NOT NULL) AS ethnicity, "
        "arg_min(birth_date, rank) FILTER (WHERE birth_date IS NOT NULL) AS birth_date FROM ("
        + " UNION ALL ".join(children)
        + ") WHERE child_id IS NOT NULL GROUP BY la_code, child_id"
    )
    connection.execute(
        "CREATE OR REPLACE TABLE child_facts AS SELECT *, "
        f"{sex_sql('sex')} AS sex_words, {ethnicity_sql('ethnicity')} AS ethnicity_words "
        f"FROM ({facts})"
    )
    episodes = (
        "SELECT la_code, child_id, referral_date, any_value(referral_source) AS referral_source, "
        "any_value(primary_need) AS primary_need FROM cin_episodes "
        "WHERE referral_date IS NOT NULL GROUP BY la_code, child_id, referral_date"
        if "cin_episodes" in loaded
        else "SELECT NULL::VARCHAR AS la_code, NULL::VARCHAR AS child_id, "
        "NULL::DATE AS referral_date, NULL::VARCHAR AS referral_source, "
        "NULL::VARCHAR AS primary_need WHERE false"
    )
    connection.execute(
        "CREATE OR REPLACE TABLE episode_facts AS SELECT *, "
        f"{source_sql('referral_source')} AS source_words, "
        f"{need_sql('primary_need')} AS need_words FROM ({episodes})"
    )
