"""Practitioner survey responses: one row per anonymous response, as a survey tool exports them
and as docs/practitioner-survey-template.md describes.  Pure Python.

Header: ``survey_ref,response_ref,agency_code`` then one column per question, ``q1``, ``q2``...
(the numbers of the survey's statements on Line of Sight).  Each answer is on the agreement
scale (``SCALE``): written as its code (``strongly_agree``), its words ("Strongly agree") or its
number (5 = strongly agree ... 1 = strongly disagree); a blank answer means the practitioner
skipped the statement.  No names, no free text: only the agency and the answers.
"""

from __future__ import annotations

import re
from pathlib import Path

from lineofsight.formats.problems import Parsed, ProblemLog
from lineofsight.formats.record_files import all_given, named_cells, open_table

FORMAT = "practitioner_survey"
TABLE = "practitioner_survey"
REQUIRED = ("survey_ref", "response_ref", "agency_code")
QUESTION = re.compile(r"^q(\d{1,3})$")

# code -> words, strongly agree first (the order results are shown in)
SCALE: dict[str, str] = {
    "strongly_agree": "Strongly agree",
    "agree": "Agree",
    "neither": "Neither agree nor disagree",
    "disagree": "Disagree",
    "strongly_disagree": "Strongly disagree",
}
AGREEING = frozenset({"strongly_agree", "agree"})
_NUMBERS = {
    "5": "strongly_agree",
    "4": "agree",
    "3": "neither",
    "2": "disagree",
    "1": "strongly_disagree",
}
_WORDS = {words.lower(): code for code, words in SCALE.items()}
_ALIASES = {"neither agree nor disagree": "neither", "neutral": "neither"}
SAFE_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")


def answer_code(text: str) -> str | None:
    """The scale code of an answer as written, or None if it is not on the scale."""
    value = " ".join(text.strip().lower().replace("_", " ").split())
    if value.replace(" ", "_") in SCALE:
        return value.replace(" ", "_")
    return _NUMBERS.get(value) or _WORDS.get(value) or _ALIASES.get(value)


def is_survey_header(cells: list[str]) -> bool:
    names = {c.strip().lower() for c in cells}
    return {"survey_ref", "response_ref"} <= names


def parse_practitioner_survey(path: Path, log: ProblemLog, *, la_code: str | None) -> Parsed:
    parsed = Parsed.of_file(FORMAT, path, la_code, TABLE)
    opened = open_table(
        path,
        log,
        prefix="survey",
        required=REQUIRED,
        header_must=f"The header must start: {','.join(REQUIRED)}, then one column per "
        "statement: q1,q2,...",
    )
    if opened is None:
        return parsed
    table, header, complete = opened
    questions = {name: int(m.group(1)) for name in header if (m := QUESTION.match(name))}
    if not questions:
        log.error(
            "survey.no_questions",
            "The file has no answer columns: name them q1, q2... after the statements' numbers.",
            location="row 1",
        )
    others = [n for n in header if n not in REQUIRED and n not in questions and n]
    for name in others:
        log.warning(
            "survey.column_ignored",
            "This column is neither a reference nor an answer (q1, q2...); it was not read.",
            location="row 1",
            field=name,
        )
    if not complete or not questions:
        return parsed
    seen: dict[tuple[str, str], int] = {}
    for number, cells in table.rows:
        row = named_cells(table, header, cells)
        where = f"row {number}"
        ok = all_given(row, REQUIRED, where, log, prefix="survey")
        for name in ("survey_ref", "response_ref"):
            if row[name] and not SAFE_REF.match(row[name]):
                log.error(
                    "survey.reference_invalid",
                    f"{name} is a short code of letters, digits, '.', '-' or '_' (up to 40).",
                    location=where,
                    field=name,
                    value=row[name],
                )
                ok = False
        answers: dict[int, str] = {}
        for name, question in questions.items():
            text = row[name]
            if not text:
                continue
            code = answer_code(text)
            if code is None:
                log.error(
                    "survey.answer_invalid",
                    "This is not an answer on the scale: strongly agree, agree, neither agree "
                    "nor disagree, disagree, strongly disagree (or 5 to 1).",
                    location=where,
                    field=name,
                    value=text,
                )
                ok = False
                continue
            answers[question] = code
        key = (row["survey_ref"], row["response_ref"])
        if ok and key in seen:
            log.error(
                "survey.duplicate_response",
                f"This response_ref is already on row {seen[key]}: each response is one row.",
                location=where,
                field="response_ref",
                value=row["response_ref"],
            )
            ok = False
        if not ok:
            continue
        seen[key] = number
        parsed.tables[TABLE].append(
            {
                "row": number,
                "survey_ref": row["survey_ref"],
                "response_ref": row["response_ref"],
                "agency": row["agency_code"],
                "answers": answers,
            }
        )
    parsed.record_count = len(table.rows)
    if not table.rows:
        log.error("survey.empty", "The file has a header but no responses.", location="row 2")
    return parsed
