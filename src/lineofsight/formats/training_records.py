"""Training records: one row per booking, as a booking tool exports them with the evaluation
scores a survey tool adds, and as ``lineofsight synth`` writes ``training/training_records.csv``.
Pure Python.

Required columns: ``record_ref,course_code,course_title,delivery,course_date,agency,attendee_ref,
attended``; optional: ``job_role``, ``feedback_given`` (Y/N), ``reaction_score`` (1-5),
``learning_before`` and ``learning_after`` (confidence, 1-5).  ``delivery`` is ``face_to_face``,
``virtual`` or ``e_learning``; ``agency`` is the partnership's agency code; ``attendee_ref`` is
the learner's name or pseudonymous reference in the booking tool.  A row with ``feedback_given``
Y needs its three scores.
"""

from __future__ import annotations

from datetime import date

from lineofsight.formats.dates import DateProblem, parse_either
from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.record_files import RecordFile, all_given

FORMAT = "training_records"
TABLE = "training_records"
REQUIRED = (
    "record_ref",
    "course_code",
    "course_title",
    "delivery",
    "course_date",
    "agency",
    "attendee_ref",
    "attended",
)
OPTIONAL = ("job_role", "feedback_given", "reaction_score", "learning_before", "learning_after")
DELIVERY = {
    "face_to_face": "face_to_face",
    "face-to-face": "face_to_face",
    "virtual": "virtual",
    "online": "virtual",
    "e_learning": "e_learning",
    "e-learning": "e_learning",
    "elearning": "e_learning",
}
YES_NO = {"y": True, "yes": True, "n": False, "no": False}
SCORES = ("reaction_score", "learning_before", "learning_after")


def _read_row(row: dict[str, str], where: str, log: ProblemLog) -> dict[str, object] | None:
    names = ("record_ref", "course_code", "course_title", "agency", "attendee_ref")
    ok = all_given(row, names, where, log, prefix="training")
    day: date | None = None
    try:
        day = parse_either(row.get("course_date", ""))
    except DateProblem as exc:
        log.error(
            "training.date_invalid",
            f"course_date: {exc}.",
            location=where,
            field="course_date",
            value=row.get("course_date", ""),
        )
        ok = False
    delivery = DELIVERY.get(row.get("delivery", "").lower())
    if delivery is None:
        log.error(
            "training.code_invalid",
            f"'{row.get('delivery', '')}' is not a delivery this system knows (use one of: "
            "face_to_face, virtual, e_learning).",
            location=where,
            field="delivery",
            value=row.get("delivery", ""),
        )
        ok = False
    flags: dict[str, bool] = {}
    for name in ("attended", "feedback_given"):
        text = row.get(name, "").lower()
        if name == "feedback_given" and not text:
            flags[name] = False
            continue
        if text not in YES_NO:
            log.error(
                "training.code_invalid",
                f"{name} must be Y or N, not '{row.get(name, '')}'.",
                location=where,
                field=name,
                value=row.get(name, ""),
            )
            ok = False
        else:
            flags[name] = YES_NO[text]
    scores: dict[str, int | None] = {}
    for name in SCORES:
        text = row.get(name, "")
        if not text:
            scores[name] = None
        elif text.isdigit() and 1 <= int(text) <= 5:
            scores[name] = int(text)
        else:
            log.error(
                "training.score_invalid",
                f"{name} must be a whole number from 1 to 5, not '{text}'.",
                location=where,
                field=name,
                value=text,
            )
            ok = False
    if ok and flags.get("feedback_given"):
        blank = [name for name in SCORES if scores[name] is None]
        for name in blank:
            log.error(
                "training.feedback_incomplete",
                f"A row with feedback_given Y needs its {name}.",
                location=where,
                field=name,
            )
        ok = not blank
    if ok and flags.get("feedback_given") and not flags.get("attended"):
        log.error(
            "training.feedback_without_attendance",
            "feedback_given is Y but attended is N: only those who attended give feedback.",
            location=where,
            field="feedback_given",
            value="Y",
        )
        ok = False
    if not ok:
        return None
    return {
        "reference": row["record_ref"],
        "course_code": row["course_code"],
        "course_title": row["course_title"],
        "mode": delivery,
        "course_date": day,
        "agency": row["agency"].lower(),
        "learner": row["attendee_ref"],
        "job_role": row.get("job_role", ""),
        "attended": flags["attended"],
        "feedback": flags["feedback_given"],
        "reaction": scores["reaction_score"],
        "confidence_before": scores["learning_before"],
        "confidence_after": scores["learning_after"],
    }


RECORDS = RecordFile(
    FORMAT,
    REQUIRED,
    _read_row,
    prefix="training",
    marks=frozenset({"record_ref", "course_code", "attendee_ref"}),
    reference="record_ref",
    each="booking",
    dated_by="course_date",
)
is_training_header = RECORDS.is_header
parse_training_records = RECORDS.parse
