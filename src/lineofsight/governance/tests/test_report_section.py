"""The annual report's governance section: attendance rates, assurance received and the budget,
hand-checked through the real assembler (disclosure control included)."""

import datetime as dt
from decimal import Decimal

import pytest

from lineofsight.governance import services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.reports.assemble import build
from lineofsight.reports.content import Bullets, Paragraph, TableBlock

from .conftest import A, P

pytestmark = pytest.mark.django_db
D = dt.date


def tables(section):
    return {b.table.title: b.published for b in section.information if isinstance(b, TableBlock)}


def texts(section):
    found = []
    for block in section.information:
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, Bullets):
            found += block.items
    return found


def test_the_governance_section_of_the_annual_report(
    partnership, board, record_meeting, agency, council, hospital
):
    record_meeting(D(2020, 5, 1), police=P, council=P, acute=P)
    record_meeting(D(2020, 9, 1), police=P, council="deputy", acute=A)
    record_meeting(D(2021, 1, 1), police=A, council=P, acute=A)
    record_meeting(D(2021, 6, 1), police=P, council=P, acute=P)  # next year: not counted
    for title, due, received, grade in (
        ("MASH report", D(2020, 6, 1), D(2020, 6, 1), "Limited assurance"),
        ("LADO report", D(2020, 9, 1), D(2020, 9, 20), "Reasonable assurance"),
        ("IRO report", D(2020, 10, 1), D(2020, 10, 1), "Limited assurance"),
        ("Acute trust report", D(2020, 11, 1), None, ""),
        ("Next year's report", D(2021, 5, 1), None, ""),
    ):
        services.create_report(
            actor=SYSTEM,
            partnership=partnership,
            title=title,
            kind="other",
            agency=council,
            group=board,
            due_on=due,
            received_on=received,
            grade=grade,
        )
    year = services.set_funding_year(
        actor=SYSTEM, partnership=partnership, year=2020, brought_forward=Decimal("1000.40")
    )
    services.set_contribution(actor=SYSTEM, year=year, agency=council, money=Decimal("200000"))
    services.set_contribution(
        actor=SYSTEM,
        year=year,
        agency=agency,
        money=Decimal("50000"),
        in_kind=Decimal("7500"),
        in_kind_description="Analyst",
    )
    services.set_spending(actor=SYSTEM, year=year, area="staffing", amount=Decimal("230000"))

    document = build(partnership, "annual", "2020-21", "published", only=["governance"])
    [section] = document.sections
    found = tables(section)
    attendance = found[
        "Attendance at meetings, 2020-21 (% of meetings each member agency attended, in person "
        "or by deputy)"
    ]
    assert attendance.table.columns == ["Partnership Board (3 meetings)"]
    shown = dict(zip(attendance.table.row_labels, attendance.shown, strict=True))
    # council 3 of 3 (a deputy counts); police 2 of 3; the acute trust 1 of 3; a column of
    # percentages is all to one decimal place ("100.0" beside "33.3")
    assert shown == {
        "Test Acute Trust": ["33.3"],
        "Test Council": ["100.0"],
        "Test Police": ["66.7"],
    }
    # 3 + 2 + 1 = 6 of 9 places (66.7%); police at 66.7% and the acute trust at 33.3% fall
    # below three in four, lowest first
    assert (
        "Across the board and its groups, member agencies were at 66.7% of the meetings they "
        "were expected at (6 of 9); below 75%: Test Acute Trust at the Partnership Board "
        "(1 of 3); Test Police at the Partnership Board (2 of 3)."
    ) in texts(section)
    assurance = found["Assurance the board took from the reports it received"]
    shown = dict(zip(assurance.table.row_labels, assurance.shown, strict=True))
    assert shown == {
        "Substantial assurance": ["0"],
        "Reasonable assurance": ["1"],
        "Limited assurance": ["2"],
        "No assurance": ["0"],
        "Not yet graded": ["0"],
    }
    words = texts(section)
    assert (
        "4 assurance reports were due to the board and its groups; 3 were received (1 after the "
        "date asked for) and 1 had not been received by the end of the year."
    ) in words
    assert any(
        w.startswith("Acute trust report (Test Council), due 1 November 2020") for w in words
    )
    money = found["Partners' contributions, 2020-21 (£)"]
    assert dict(zip(money.table.row_labels, money.shown, strict=True)) == {
        "Test Council": ["200,000", "0"],
        "Test Police": ["50,000", "7,500"],
        "All partners": ["250,000", "7,500"],
    }
    # 1,000.40 + 250,000 - 230,000 = 21,000.40
    assert (
        "Brought forward £1,000; partners contributed £250,000 in money and £7,500 in kind; "
        "£230,000 was spent, leaving a balance of £21,000 to carry forward."
    ) in words


def test_a_year_with_nothing_recorded_says_so(partnership):
    document = build(partnership, "annual", "2020-21", "published", only=["governance"])
    assert texts(document.sections[0]) == [
        "No meetings of the board or its groups are recorded for the year.",
        "No assurance reports were due in the year.",
        "No budget is recorded for 2020-21.",
    ]
