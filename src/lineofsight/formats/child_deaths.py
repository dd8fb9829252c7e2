"""Child death records (CDOP): one row per death, as ``lineofsight synth`` writes
``cdop/child_deaths.csv`` and as docs/child-death-template.md describes.  Pure Python.

Required columns: ``death_ref,date_of_death,age_band,sex,expected,category,place_of_death,
review_date,modifiable_factors``; optional: ``date_notified`` (blank: the date of death),
``ethnicity``, ``jar_held``, ``looked_after``, ``known_to_social_care``.  A death with a
``review_date`` was reviewed by the panel (and closed) that day: it needs its ``category`` and
``modifiable_factors`` (Y, N or U for insufficient information).  Codes are the NCMD's and
``cdop.reference`` holds them as the app's choices (a test keeps the two equal).
"""

from __future__ import annotations

from datetime import date
from functools import partial

from lineofsight.formats.dates import date_cell
from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.record_files import RecordFile, all_given, code_cell, missing_value

FORMAT = "child_deaths"
TABLE = "child_deaths"
REQUIRED = (
    "death_ref",
    "date_of_death",
    "age_band",
    "sex",
    "expected",
    "category",
    "place_of_death",
    "review_date",
    "modifiable_factors",
)
OPTIONAL = ("date_notified", "ethnicity", "jar_held", "looked_after", "known_to_social_care")

# The ten national categories of death (NCMD), in their national order: code, name.
CATEGORIES: list[tuple[str, str]] = [
    (
        "deliberately_inflicted_injury_abuse_or_neglect",
        "Deliberately inflicted injury, abuse or neglect",
    ),
    ("suicide_or_self_harm", "Suicide or deliberate self-inflicted harm"),
    ("trauma_and_other_external_factors", "Trauma and other external factors"),
    ("malignancy", "Malignancy"),
    ("acute_medical_or_surgical", "Acute medical or surgical condition"),
    ("chronic_medical", "Chronic medical condition"),
    ("chromosomal_genetic_congenital", "Chromosomal, genetic and congenital anomalies"),
    ("perinatal_neonatal_event", "Perinatal or neonatal event"),
    ("infection", "Infection"),
    ("sudden_unexpected_unexplained", "Sudden unexpected, unexplained death"),
]
PLACES = ("hospital", "hospice", "home", "public_place", "other", "abroad")
AGE_BANDS = {  # as written -> code
    "0_27d": "0_27d",
    "28_364d": "28_364d",
    "under_1": "under_1",
    "1-4": "1_4",
    "1_4": "1_4",
    "5-9": "5_9",
    "5_9": "5_9",
    "10-14": "10_14",
    "10_14": "10_14",
    "15-17": "15_17",
    "15_17": "15_17",
}
SEXES = {
    "m": "male",
    "male": "male",
    "f": "female",
    "female": "female",
    "i": "indeterminate",
    "indeterminate": "indeterminate",
    "u": "not_known",
    "not_known": "not_known",
}
ETHNICITIES = ("white", "mixed", "asian", "black", "other", "not_known")
OUTCOMES = {"y": "modifiable", "n": "not_modifiable", "u": "insufficient"}
YES_NO = {"y": True, "n": False, "": False}


_date = partial(date_cell, rule="cdop.date_invalid")
_code = partial(code_cell, prefix="cdop", in_order=True)


def _read_row(row: dict[str, str], where: str, log: ProblemLog) -> dict[str, object] | None:
    reference = row.get("death_ref", "")
    ok = all_given(row, ["death_ref"], where, log, prefix="cdop")
    died = _date(row, "date_of_death", where, log)
    if died is None:
        missing_value(log, "date_of_death", where, prefix="cdop")
    notified = _date(row, "date_notified", where, log)
    reviewed = _date(row, "review_date", where, log)
    band = _code(row, "age_band", AGE_BANDS, where, log)
    sex = _code(row, "sex", SEXES, where, log)
    expected = _code(row, "expected", {"y": "expected", "n": "unexpected"}, where, log)
    place = _code(row, "place_of_death", PLACES, where, log)
    category = _code(row, "category", tuple(c for c, _ in CATEGORIES), where, log, required=False)
    outcome = _code(row, "modifiable_factors", OUTCOMES, where, log, required=False)
    ethnicity = _code(row, "ethnicity", ETHNICITIES, where, log, required=False)
    flags = {
        name: _code(row, name, {"y": "Y", "n": "N"}, where, log, required=False)
        for name in ("jar_held", "looked_after", "known_to_social_care")
    }
    values = [
        died,
        notified,
        reviewed,
        band,
        sex,
        expected,
        place,
        category,
        outcome,
        ethnicity,
        *flags.values(),
    ]
    if not ok or died is None or any(v is False for v in values):
        return None
    assert isinstance(died, date)  # noqa: S101 - narrowed above
    notified = notified or died
    if isinstance(notified, date) and notified < died:
        log.error(
            "cdop.notified_before_death",
            "date_notified is before date_of_death.",
            location=where,
            field="date_notified",
            value=row.get("date_notified", ""),
        )
        return None
    if isinstance(reviewed, date):
        if reviewed < died:
            log.error(
                "cdop.review_before_death",
                "review_date is before date_of_death.",
                location=where,
                field="review_date",
                value=row["review_date"],
            )
            return None
        for name, value in (("category", category), ("modifiable_factors", outcome)):
            if value is None:
                log.error(
                    "cdop.reviewed_without_analysis",
                    f"A reviewed death (review_date given) needs its {name}.",
                    location=where,
                    field=name,
                )
                return None
    return {
        "reference": reference,
        "died_on": died,
        "notified_on": notified,
        "age_band": band,
        "sex": sex,
        "expectation": expected,
        "place_of_death": place,
        "reviewed_on": reviewed,
        "category": category,
        "outcome": outcome if isinstance(reviewed, date) else "",
        "ethnicity": ethnicity or "not_known",
        "jar_held": flags["jar_held"] == "Y",
        "looked_after": flags["looked_after"] == "Y",
        "known_to_social_care": flags["known_to_social_care"] == "Y",
    }


RECORDS = RecordFile(
    FORMAT,
    REQUIRED,
    _read_row,
    prefix="cdop",
    marks=frozenset({"death_ref", "date_of_death"}),
    reference="death_ref",
    each="death",
    dated_by="notified_on",
)
is_child_death_header = RECORDS.is_header
parse_child_deaths = RECORDS.parse
