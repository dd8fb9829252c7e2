"""Spotting children's identifiers in free text (pure: no Django).

Free-text fields (case review summaries, audit findings, challenges, actions, delivery notes,
Section 11 evidence...) must not hold a child's identifiers.  ``identifiers_in`` finds:

- a UPN: a check letter and 12 characters (the last may be a letter) whose check letter is right;
- an NHS number: 10 digits (spaces or dashes allowed as 3-3-4) with a valid modulus-11 check digit;
- an LA child id: a case-system identifier, up to six letters then five or more digits
  (``SYN3710000001``, ``LA123456``; a phone number is caught too, which is no loss);
- a UK postcode (``DN1 1AA``), which with an age can identify a child.

Names cannot be told from other words, so they are not looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # DfE: 23 letters, no I, O or S

_UPN = re.compile(r"\b[A-Z]\d{11}[0-9A-Z]\b", re.IGNORECASE)
_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_LA_CHILD_ID = re.compile(r"\b[A-Z]{0,6}\d{5,}[A-Z0-9]*\b", re.IGNORECASE)
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Found:
    kind: str  # "UPN", "NHS number", "LA child id", "postcode"
    text: str


def valid_upn(text: str) -> bool:
    """True for a UPN whose first letter is the DfE check letter of the other 12 characters."""
    upn = text.upper()
    if len(upn) != 13 or upn[0] not in UPN_CHECK_LETTERS or not upn[1:12].isdigit():
        return False
    last = upn[12]
    if last.isdigit():
        value = int(last)
    elif last in UPN_CHECK_LETTERS:  # a temporary UPN ends in a letter, valued by position
        value = UPN_CHECK_LETTERS.index(last)
    else:
        return False
    total = sum(int(ch) * weight for weight, ch in enumerate(upn[1:12], start=2)) + value * 13
    return UPN_CHECK_LETTERS[total % 23] == upn[0]


def valid_nhs_number(digits: str) -> bool:
    """True for 10 digits whose last is the modulus-11 check digit of the first nine."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def identifiers_in(text: str) -> list[Found]:
    """Each identifier-like thing in ``text``, in the order of the kinds above."""
    if not text:
        return []
    found = [Found("UPN", m.group()) for m in _UPN.finditer(text) if valid_upn(m.group())]
    found += [
        Found("NHS number", m.group())
        for m in _NHS.finditer(text)
        if valid_nhs_number("".join(m.groups()))
    ]
    taken = {f.text for f in found}
    found += [
        Found("LA child id", m.group())
        for m in _LA_CHILD_ID.finditer(text)
        if m.group() not in taken and not any(m.group() in t for t in taken)
    ]
    found += [Found("postcode", m.group()) for m in _POSTCODE.finditer(text)]
    return found


def identifier_problem(text: str) -> str | None:
    """A plain-English reason ``text`` must not be saved, or ``None``."""
    found = identifiers_in(text)
    if not found:
        return None
    first = found[0]
    return (
        f"Remove the {first.kind} “{first.text}”: free text must not hold a child's "
        "identifiers (UPN, NHS number, case-system id) or a postcode. Refer to children by "
        "pseudonym, for example “Child M”."
    )
