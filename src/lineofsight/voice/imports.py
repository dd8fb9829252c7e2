"""Practitioner survey responses from a CSV (``formats.practitioner_survey``), stored through the
services.

Registered with ``datasets.record_imports`` for the format ``practitioner_survey``: ``lineofsight
ingest`` and the Data upload page read, validate and hand the rows here inside the ingest's
transaction.  The survey (``survey_ref``) and its statements must be set up on Line of Sight
first; an unknown survey, statement or agency code is an error naming the row and column, and
then nothing from the file is kept.  A response already imported is left as it is (a warning
says so), so sending the survey tool's export again adds only the new responses.
"""

from __future__ import annotations

from functools import partial
from typing import Any, cast

from django.core.exceptions import PermissionDenied

from lineofsight.datasets.record_imports import RowRefused, code_in_use, row_problem
from lineofsight.formats import Parsed, Problem
from lineofsight.formats.practitioner_survey import TABLE
from lineofsight.voice import policies, services
from lineofsight.voice.models import Survey

_problem = partial(row_problem, rule="survey.record_refused")


def store(actor: Any, partnership: Any, parsed: Parsed) -> list[Problem]:
    if not policies.can_manage_voice(actor):
        raise PermissionDenied(
            "practitioner survey responses are imported by the partnership business unit or an "
            "analyst"
        )
    rows = parsed.tables.get(TABLE, [])
    surveys = {
        s.reference: s
        for s in Survey.objects.filter(
            partnership=partnership, reference__in={r["survey_ref"] for r in rows}
        ).prefetch_related("questions")
    }
    agencies = {a.code: a for a in partnership.agencies.all()}
    problems: list[Problem] = []
    batches: dict[str, list[services.Answers]] = {}
    for row in rows:
        try:
            survey = code_in_use(
                surveys,
                row["survey_ref"],
                field="survey_ref",
                message="No survey has this reference: set the survey and its statements up on "
                "Voice and scrutiny > Practitioner surveys first.",
                required=True,
            )
            answers = _answers(survey, row)
            agency = code_in_use(
                agencies,
                row["agency"],
                field="agency_code",
                message="This is not the code of one of the partnership's agencies.",
                required=True,
            )
        except RowRefused as refused:
            problems.append(_problem(parsed, row, refused.field, refused.value, refused.message))
            continue
        if survey.responses.filter(response_ref=row["response_ref"]).exists():
            problems.append(
                _problem(
                    parsed,
                    row,
                    "response_ref",
                    row["response_ref"],
                    "This response is already imported: the row was not imported again.",
                    severity="warning",
                    rule="survey.already_imported",
                )
            )
            continue
        batches.setdefault(survey.reference, []).append(
            services.Answers(str(row["response_ref"]), agency, answers)
        )
    if any(p.is_error for p in problems):
        return problems
    for reference, responses in batches.items():
        services.import_responses(actor=actor, survey=surveys[reference], responses=responses)
    return problems


def _answers(survey: Survey, row: dict[str, Any]) -> dict[int, str]:
    """The row's answers, refused if one is to a statement ``survey`` does not have."""
    answers = cast(dict[int, str], row["answers"])
    numbers = {q.number for q in survey.questions.all()}
    unknown = sorted(set(answers) - numbers)
    if unknown:
        raise RowRefused(
            f"q{unknown[0]}",
            answers[unknown[0]],
            f"The survey {survey.reference} has statements 1 to {max(numbers)} only.",
        )
    return dict(answers)
