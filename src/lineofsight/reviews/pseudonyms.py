"""Children in case reviews are recorded by pseudonymous reference only ("Child M", "Family B").

``check_reference`` refuses anything that looks like a name, a date of birth or an identifier:
a reference is a few describing words (child, baby, family, sibling...) with letter codes or
numbers, nothing else.  An invented first-name pseudonym cannot be told from a real name, so
it is refused too: use letters.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from lineofsight.lib.free_text import no_identifiers

WORDS = frozenset(
    """child children baby babies infant infants family families sibling siblings twin twins
    young person people adolescent adult household case review and of the cspr lcspr scr
    llr rapid local learning national panel cdop cdr death deaths""".split()
)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE_PATTERNS = [
    re.compile(r"\d{1,4}\s*[/.\-]\s*\d{1,2}(\s*[/.\-]\s*\d{1,4})?"),  # 12/03/2015, 2015-03-12
    re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({_MONTHS})[a-z]*\b", re.IGNORECASE),
    re.compile(rf"\b({_MONTHS})[a-z]*\s+\d{{1,2}}(st|nd|rd|th)?\b", re.IGNORECASE),
    re.compile(r"\b(d\.?o\.?b|born|birth|aged?)\b", re.IGNORECASE),
]
_IDENTIFIER = re.compile(r"\d{5,}|@|[A-Z]\d{12}")  # NHS numbers, UPNs, e-mail addresses
_CODE = re.compile(r"^([A-Z]{1,3}|[A-Z]{1,2}\d{1,3}|\d{1,4})$")  # M, AB, C2, 3, 2019
EXAMPLE = 'Use a pseudonymous reference such as "Child M", "Family B" or "Siblings C and D"'


def problem_with(reference: str) -> str | None:
    """Why ``reference`` is not a safe pseudonymous reference, or None if it is."""
    text = reference.strip()
    if not text:
        return "Enter a pseudonymous reference"
    if len(text) > 60:
        return "Keep the reference short (60 characters or fewer)"
    if _IDENTIFIER.search(text):
        return (
            "The reference looks like it contains an identifier (a long number or an e-mail "
            "address). " + EXAMPLE
        )
    if any(p.search(text) for p in _DATE_PATTERNS):
        return "The reference must not contain a date of birth or age. " + EXAMPLE
    tokens = [t for t in re.split(r"[\s,&()'’\-]+", text) if t]
    codes = 0
    for token in tokens:
        if token.lower() in WORDS:
            continue
        if _CODE.match(token if len(token) > 1 else token.upper()):
            codes += 1
            continue
        return f'"{token}" looks like a name. Children are recorded by pseudonym only. ' + EXAMPLE
    if codes == 0:
        return "Add a letter or number to the reference. " + EXAMPLE
    return None


def check_reference(reference: str) -> None:
    """A model-field validator."""
    problem = problem_with(reference)
    if problem:
        raise ValidationError(problem, code="not_pseudonymous")


def check_free_text(text: str) -> None:
    """Summaries and notes: refuse dates of birth and identifiers (names can't be detected).
    Identifiers are ``lib.free_text.no_identifiers``; dates of birth are a case-review rule."""
    if re.search(r"\b(d\.?o\.?b\.?|date of birth|born on)\b", text, re.IGNORECASE):
        raise ValidationError(
            "Do not record a child's date of birth: give their age band instead", code="dob"
        )
    no_identifiers(text)  # the guard every app's free text shares
