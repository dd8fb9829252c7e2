"""Practitioner survey results by agency, as disclosure-controlled tables (pure: no Django).

For each statement: the responses from each agency, how many agreed (agree or strongly agree)
and the percentage, with an "All agencies" total row.  Counts of 1 to 5 practitioners are
suppressed (``lineofsight.disclosure``), with secondary suppression so a small count cannot be
worked out from the total; the percentage built on a suppressed count is suppressed too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lineofsight import disclosure
from lineofsight.formats.practitioner_survey import AGREEING, SCALE

COLUMNS = ["Responses", "Agree or strongly agree", "% agreeing"]


@dataclass(frozen=True)
class Answer:
    """One practitioner's answer to one statement."""

    agency: str
    question: int
    answer: str


def question_table(
    number: int, text: str, agencies: Sequence[str], answers: Iterable[Answer]
) -> disclosure.Table:
    """The table of statement ``number``: a row per agency (in ``agencies`` order, those with
    no answer included as 0) and the total."""
    answered: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    for item in answers:
        if item.question != number:
            continue
        answered[item.agency] += 1
        agreed[item.agency] += item.answer in AGREEING
    rows = []
    labels = [*agencies, "All agencies"]
    for r, agency in enumerate(labels):
        total = sum(answered.values()) if agency == "All agencies" else answered[agency]
        yes = sum(agreed.values()) if agency == "All agencies" else agreed[agency]
        rows.append(
            (
                agency,
                [
                    disclosure.count(total),
                    disclosure.count(yes),
                    disclosure.percent(yes, total, depends_on=[(r, 0), (r, 1)]),
                ],
            )
        )
    return disclosure.grid(f"Q{number}. {text}", "Agency", COLUMNS, rows, total_row=True)


def scale_table(
    questions: Sequence[tuple[int, str]], answers: Iterable[Answer]
) -> disclosure.Table:
    """Every statement's answers across the scale, all agencies together."""
    tally: Counter[tuple[int, str]] = Counter((a.question, a.answer) for a in answers)
    rows = []
    for number, _text in questions:
        cells = [disclosure.count(tally[(number, code)]) for code in SCALE]
        cells.append(disclosure.count(sum(tally[(number, code)] for code in SCALE)))
        rows.append((f"Q{number}", cells))
    return disclosure.grid(
        "Answers to each statement, all agencies",
        "Statement",
        [*SCALE.values(), "All answers"],
        rows,
        total_column=True,
    )
