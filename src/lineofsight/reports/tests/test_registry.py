from datetime import date

import pytest

from lineofsight import disclosure
from lineofsight.reports import registry, services
from lineofsight.reports.assemble import build, parse_report_period
from lineofsight.reports.content import Paragraph, TableBlock


@pytest.fixture
def fresh_registry(monkeypatch):
    monkeypatch.setattr(registry, "_SECTIONS", dict(registry._SECTIONS))


def lado_section(request):
    """What the LADO app would register: its own table, never pre-suppressed."""
    return [
        Paragraph(f"Allegations managed in {request.period_label}."),
        TableBlock(
            disclosure.grid(
                "Allegations by outcome",
                "Outcome",
                ["Allegations"],
                [
                    ("Substantiated", [disclosure.count(4)]),
                    ("Unfounded", [disclosure.count(30)]),
                    ("Total", [disclosure.count(34)]),
                ],
                total_row=True,
            )
        ),
    ]


@pytest.mark.django_db
def test_an_app_registers_a_section_without_editing_reports(partnership, fresh_registry):
    registry.register_section(
        "lado",
        "Allegations against people who work with children",
        lado_section,
        order=170,
        owner="LADO",
    )
    keys = [s.key for s in registry.sections("annual")]
    assert keys.index("case_reviews") < keys.index("lado") < keys.index("challenge")
    published = build(partnership, "annual", "2020-21", "published", only=["lado"])
    [section] = published.sections
    table = section.information[1].published
    assert [row[0] for row in table.shown] == ["c", "c", "34"]  # the 4, and the 30 that reveals it
    assert disclosure.disclosure_problems(table) == []
    internal = build(partnership, "annual", "2020-21", "internal", only=["lado"])
    assert [row[0] for row in internal.sections[0].information[1].published.shown] == [
        "4",
        "30",
        "34",
    ]


def test_unknown_kinds_and_sections_are_named():
    with pytest.raises(ValueError, match="Unknown report kind"):
        registry.register_section("x", "X", lado_section, kinds=("monthly",))
    with pytest.raises(KeyError, match="No report section 'nope'"):
        registry.section("nope")


@pytest.mark.parametrize(
    ("kind", "label", "expected"),
    [
        ("annual", "2020-21", "2020-21"),
        ("quarterly", "2021Q1", "2021-22 Q1"),
        ("quarterly", "2020-21 Q4", "2020-21 Q4"),
    ],
)
def test_report_periods(kind, label, expected):
    assert parse_report_period(kind, label).label == expected


@pytest.mark.parametrize(
    ("kind", "label"),
    [("annual", "2020-22"), ("annual", "2020"), ("quarterly", "2021Q5"), ("weekly", "2021")],
)
def test_bad_report_periods_say_what_to_write(kind, label):
    with pytest.raises(ValueError):
        parse_report_period(kind, label)


@pytest.mark.django_db
def test_published_edition_uses_only_approved_narratives(partnership, admin_user):
    narrative = services.save_narrative(
        actor=admin_user,
        partnership=partnership,
        section_key="audits",
        period_label="2020-21",
        values={"done": "Four audits", "next": "Re-audit", "impact": ""},
    )
    internal = build(partnership, "annual", "2020-21", "internal", only=["audits"])
    published = build(partnership, "annual", "2020-21", "published", only=["audits"])
    assert internal.sections[0].narrative.done == "Four audits"
    assert published.sections[0].narrative is None
    narrative = services.submit_narrative(
        actor=admin_user, narrative=narrative, expected_version=narrative.version
    )
    services.approve_narrative(
        actor=admin_user, narrative=narrative, expected_version=narrative.version
    )
    published = build(partnership, "annual", "2020-21", "published", only=["audits"])
    assert published.sections[0].narrative.done == "Four audits"
    assert published.inputs["narrative_versions"] == {"audits": 3}


@pytest.mark.parametrize(
    ("start_month", "label", "expected", "first_day", "last_day"),
    [
        # April (the default): the financial-year quarters, as before
        (4, "2021Q1", "2021-22 Q1", date(2021, 4, 1), date(2021, 6, 30)),
        (4, "2021-22 Q4", "2021-22 Q4", date(2022, 1, 1), date(2022, 3, 31)),
        # July: Q1 July-September 2021, Q3 January-March 2022
        (7, "2021Q1", "2021-22 Q1", date(2021, 7, 1), date(2021, 9, 30)),
        (7, "2021-22 Q3", "2021-22 Q3", date(2022, 1, 1), date(2022, 3, 31)),
        # January: the calendar year's quarters, labelled by the one year
        (1, "2021Q2", "2021 Q2", date(2021, 4, 1), date(2021, 6, 30)),
        (1, "2021 Q4", "2021 Q4", date(2021, 10, 1), date(2021, 12, 31)),
        # December: Dec-Feb, Mar-May, Jun-Aug, Sep-Nov; Q1 runs over a leap day
        (12, "2023Q1", "2023-24 Q1", date(2023, 12, 1), date(2024, 2, 29)),
        (12, "2021Q4", "2021-22 Q4", date(2022, 9, 1), date(2022, 11, 30)),
    ],
)
def test_quarters_follow_the_partnership_year(start_month, label, expected, first_day, last_day):
    period = parse_report_period("quarterly", label, start_month)
    assert (period.label, period.start, period.end) == (expected, first_day, last_day)
    assert period.period_type == "quarter"


def test_a_quarter_label_whose_years_do_not_follow_is_refused():
    with pytest.raises(ValueError, match="is not a quarter"):
        parse_report_period("quarterly", "2021-23 Q1", 7)


@pytest.mark.django_db
def test_a_july_partnership_gets_its_own_quarter_in_the_report(partnership, fresh_registry):
    """The quarterly report's sections get the quarter the engine computed for a partnership
    whose year starts in July (its label and its dates), not April's."""
    partnership.financial_year_start_month = 7
    partnership.save()
    seen = []

    def echo(request):
        seen.append((request.period_label, request.start, request.end))
        return [Paragraph(f"Quarter {request.period_label}.")]

    registry.register_section("echo", "Echo", echo, order=999, kinds=("quarterly",))
    document = build(partnership, "quarterly", "2021Q2", "internal", only=["echo"])
    assert seen == [("2021-22 Q2", date(2021, 10, 1), date(2021, 12, 31))]
    assert document.period_label == "2021-22 Q2"
    assert document.period_text == "1 October 2021 to 31 December 2021"
