"""Data in: detect, parse, validate and pseudonymise the child-level returns (pure Python).

    parsed_returns = read([Path("returns/2024")])       # one Parsed per return
    for parsed in parsed_returns:
        if not parsed.rejected:
            store(pseudonymise(parsed, key))

Formats: CIN census XML (``cin_census``), SSDA903 CSVs (``ssda903``), Ofsted Annex A workbooks
(``annex_a``) and partner returns (``partner_return``).  Tables follow ``formats/tables.py``.
"""

from lineofsight.formats.detect import detect
from lineofsight.formats.problems import Parsed, Problem
from lineofsight.formats.pseudonymise import pseudonym, pseudonymise
from lineofsight.formats.reader import read
from lineofsight.formats.safe_files import DEFAULT_MAX_BYTES

FORMATS = (
    "cin_census",
    "ssda903",
    "annex_a",
    "partner_return",
    "child_deaths",
    "practitioner_survey",
    "lado_referrals",
    "training_records",
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "Parsed",
    "Problem",
    "detect",
    "pseudonym",
    "pseudonymise",
    "read",
]
