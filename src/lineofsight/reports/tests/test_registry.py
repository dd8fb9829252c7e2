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
