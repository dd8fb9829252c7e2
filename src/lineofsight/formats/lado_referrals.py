"""LADO referrals: one row per referral, as ``lineofsight synth`` writes
``lado/lado_referrals.csv`` and as docs/lado-template.md describes.  Pure Python.

Required columns: ``lado_ref,received_date,employer_sector,allegation_type,harm_test,
met_threshold,decision_date,strategy_meeting_date,outcome,concluded_date``; optional:
``adult_ref`` (blank: the referral's own reference, so no re-referral is inferred),
``adult_role``, ``employer``, ``referring_agency``, ``context`` (work or private),
``police_investigation``, ``suspended``, ``social_care_involved`` (Y/N).  A file never carries
the adult's name: a column that looks like one (``name``, ``adult_name``...) is refused.

The sector and outcome codes are the partnership's own lists (checked when the rows are stored);
the category and the harm threshold criteria are fixed here.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from lineofsight.formats.dates import date_cell
from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.record_files import RecordFile, all_given, code_cell, missing_value

FORMAT = "lado_referrals"
TABLE = "lado_referrals"
REQUIRED = (
    "lado_ref",
    "received_date",
    "employer_sector",
    "allegation_type",
    "harm_test",
    "met_threshold",
    "decision_date",
    "strategy_meeting_date",
    "outcome",
    "concluded_date",
)
OPTIONAL = (
    "adult_ref",
    "adult_role",
    "employer",
    "referring_agency",
    "context",
    "police_investigation",
    "suspended",
    "social_care_involved",
)
NAME_COLUMNS = frozenset({"name", "adult_name", "full_name", "surname", "forename", "first_name"})
CATEGORIES = {
    "physical": "physical",
    "sexual": "sexual",
    "emotional": "emotional",
    "neglect": "neglect",
    "other": "other",
    "suitability": "other",
}
CRITERIA = ("harmed_child", "criminal_offence", "risk_of_harm", "not_suitable")
REFERRING_AGENCIES = (
    "employer",
    "police",
    "social_care",
    "health",
    "education",
    "ofsted",
    "parent",
    "child",
    "other",
)
CONTEXTS = ("work", "private")
YES_NO = {"y": True, "n": False, "": False}


def _name_columns(header: list[str], log: ProblemLog) -> bool:
    """A column with the adult's name: the file is refused (names are never imported)."""
    names = sorted(NAME_COLUMNS & set(header))
    for name in names:
        log.error(
            "lado.name_column",
            f"The file has a {name} column: the adult's name is never imported. Remove the "
            "column (the adult_ref column links referrals about the same adult).",
            location="row 1",
            field=name,
        )
    return bool(names)


_date = partial(date_cell, rule="lado.date_invalid")
_code = partial(code_cell, prefix="lado")


def _error(log: ProblemLog, rule: str, message: str, where: str, field: str, value: str) -> None:
    log.error(rule, message, location=where, field=field, value=value)


def _read_row(row: dict[str, str], where: str, log: ProblemLog) -> dict[str, object] | None:
    reference = row.get("lado_ref", "")
    if not all_given(row, ["lado_ref"], where, log, prefix="lado"):
        return None
    received = _date(row, "received_date", where, log)
    if received is None:
        missing_value(log, "received_date", where, prefix="lado")
        return None
    decided = _date(row, "decision_date", where, log)
    meeting = _date(row, "strategy_meeting_date", where, log)
    concluded = _date(row, "concluded_date", where, log)
    category = _code(row, "allegation_type", CATEGORIES, where, log)
    met = _code(row, "met_threshold", {"y": "Y", "n": "N"}, where, log, required=False)
    referring = _code(row, "referring_agency", REFERRING_AGENCIES, where, log, required=False)
    context = _code(row, "context", CONTEXTS, where, log, required=False)
    flags = {
        name: _code(row, name, {"y": "Y", "n": "N"}, where, log, required=False)
        for name in ("police_investigation", "suspended", "social_care_involved")
    }
    criteria: list[str] = []
    for part in filter(None, (p.strip().lower() for p in row.get("harm_test", "").split(";"))):
        if part not in CRITERIA:
            _error(
                log,
                "lado.code_invalid",
                f"'{part}' is not a harm_test this system knows (use one or more of: "
                f"{', '.join(CRITERIA)}, separated by ;).",
                where,
                "harm_test",
                part,
            )
            return None
        criteria.append(part)
    values = [
        received,
        decided,
        meeting,
        concluded,
        category,
        met,
        referring,
        context,
        *flags.values(),
    ]
    if any(v is False for v in values):
        return None
    assert isinstance(received, date)  # noqa: S101 - narrowed above
    for name, value in (
        ("decision_date", decided),
        ("strategy_meeting_date", meeting),
        ("concluded_date", concluded),
    ):
        if isinstance(value, date) and value < received:
            _error(
                log,
                "lado.before_receipt",
                f"{name} is before received_date.",
                where,
                name,
                row[name],
            )
            return None
    threshold: bool | None = None if met is None else met == "Y"
    if threshold is not None and decided is None:
        _error(
            log,
            "lado.decision_without_date",
            "met_threshold is given but decision_date is blank.",
            where,
            "decision_date",
            "",
        )
        return None
    if threshold is None and decided is not None:
        _error(
            log,
            "lado.date_without_decision",
            "decision_date is given but met_threshold is blank.",
            where,
            "met_threshold",
            "",
        )
        return None
    outcome = row.get("outcome", "").lower()
    if threshold and concluded and not outcome:
        _error(
            log,
            "lado.concluded_without_outcome",
            "A referral that met the threshold and was concluded needs its outcome.",
            where,
            "outcome",
            "",
        )
        return None
    if outcome and not threshold:
        _error(
            log,
            "lado.outcome_without_threshold",
            "An outcome is for a referral that met the threshold (met_threshold Y).",
            where,
            "outcome",
            outcome,
        )
        return None
    if meeting and not threshold:
        _error(
            log,
            "lado.meeting_without_threshold",
            "A strategy meeting follows a decision that the threshold is met.",
            where,
            "strategy_meeting_date",
            row["strategy_meeting_date"],
        )
        return None
    return {
        "reference": reference,
        "received_on": received,
        "sector": row.get("employer_sector", "").lower(),
        "category": category,
        "criteria": criteria if threshold else [],
        "threshold_met": threshold,
        "decided_on": decided,
        "meeting_on": meeting,
        "outcome": outcome,
        "concluded_on": concluded,
        "adult_reference": row.get("adult_ref", "") or reference,
        "adult_role": row.get("adult_role", "") or "Not recorded",
        "employer": row.get("employer", "") or "Not recorded",
        "referring_agency": referring or "other",
        "context": context or "work",
        **{name: value == "Y" for name, value in flags.items()},
    }


RECORDS = RecordFile(
    FORMAT,
    REQUIRED,
    _read_row,
    prefix="lado",
    marks=frozenset({"lado_ref", "received_date"}),
    reference="lado_ref",
    each="referral",
    dated_by="received_on",
    refuse=_name_columns,
)
is_lado_header = RECORDS.is_header
parse_lado_referrals = RECORDS.parse
