"""Issue 8 item 13: spotting children's identifiers in free text (each pattern)."""

from __future__ import annotations

import pytest

from lineofsight.formats.identifiers import (
    identifier_problem,
    identifiers_in,
    valid_nhs_number,
    valid_upn,
)
from lineofsight.synth.identifiers import la_child_id, make_upn

UPN = make_upn("371", 2001, 15, 123)  # the generator's UPNs carry the DfE check letter


def kinds(text: str) -> list[str]:
    return [found.kind for found in identifiers_in(text)]


def test_upn_with_a_valid_check_letter():
    assert valid_upn(UPN) and kinds(f"Pupil {UPN} moved school") == ["UPN"]
    assert kinds(f"pupil {UPN.lower()}") == ["UPN"]
    wrong = ("B" if UPN[0] != "B" else "C") + UPN[1:]
    assert not valid_upn(wrong)
    assert kinds(wrong) == ["LA child id"]  # still an identifier-shaped code: refused


@pytest.mark.parametrize("text", ["9434765919", "943 476 5919", "943-476-5919"])
def test_nhs_number_with_a_valid_check_digit(text):
    assert kinds(f"NHS no. {text}.") == ["NHS number"]


def test_ten_digits_failing_the_nhs_check_are_not_called_an_nhs_number():
    assert not valid_nhs_number("9434765918") and not valid_nhs_number("123456789")
    assert "NHS number" not in kinds("ref 943 476 5918")


@pytest.mark.parametrize("text", [la_child_id("371", 42), "LA123456", "CIN0099887"])
def test_la_child_id_pattern(text):
    assert kinds(f"seen as {text} by the team") == ["LA child id"]


@pytest.mark.parametrize("text", ["DN1 1AA", "SW1A 1AA", "m1 1ae", "B338TH", "GIR 0AA"])
def test_uk_postcode(text):
    assert kinds(f"lives near {text} with mum") == ["postcode"]


@pytest.mark.parametrize(
    "text",
    [
        "Child M was seen 3 times in 2021-22; 12 of 40 cases met the standard (30%).",
        "Section 11 standard 4: Q3 figures; MAA-2016-01 graded good; CP plan review on 12/03/2021.",
        "Police and health agreed 2 actions about neglect at the board on 1 April.",
    ],
)
def test_ordinary_partnership_text_passes(text):
    assert identifiers_in(text) == [] and identifier_problem(text) is None


def test_the_message_names_what_was_found():
    message = identifier_problem(f"child {la_child_id('371', 7)} at DN1 1AA")
    assert message is not None and "SYN3710000007" in message and "pseudonym" in message
