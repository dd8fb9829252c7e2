"""The yearly report's "Independent scrutiny" and "You said, we did" sections."""

import datetime as dt

import pytest

from lineofsight.actions.services import raise_action
from lineofsight.reports import registry
from lineofsight.reports.assemble import build
from lineofsight.reports.content import Bullets, Paragraph, TableBlock
from lineofsight.voice import services

pytestmark = pytest.mark.django_db


def texts(section):
    found = []
    for block in section.information:
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, Bullets):
            found += block.items
    return found


def test_both_sections_are_registered_in_the_annual_report():
    keys = [s.key for s in registry.sections("annual")]
    assert "scrutiny" in keys and "voice" in keys
    assert registry.section("scrutiny").owner == "Independent scrutineer"
    assert registry.section("voice").title.endswith("you said, we did")
    assert "scrutiny" not in [s.key for s in registry.sections("quarterly")]


def test_the_scrutiny_section_counts_activities_and_lists_findings_internally(
    partnership, scrutineer, activity, recommendation, agency
):
    services.create_activity(
        actor=scrutineer, partnership=partnership, title="Next year", kind="meeting",
        held_on=dt.date(2021, 4, 2), examined="x", findings="Outside the year",
    )  # fmt: skip
    raise_action(
        actor=scrutineer, record=recommendation, owner_agency=agency, due_date=dt.date(2022, 1, 1)
    )
    # activity: 14 June 2021 is in 2021-22; the report of 2021-22 holds both activities
    internal = build(partnership, "annual", "2021-22", "internal", only=["scrutiny"])
    [section] = internal.sections
    table = next(b for b in section.information if isinstance(b, TableBlock)).published
    assert table.shown == [["1"], ["1"]]  # one review of arrangements, one meeting observed
    words = " ".join(texts(section))
    assert "1 recommendation made; 1 action raised from them: 1 open." in words
    assert "The board had drifted" in words
    published = build(partnership, "annual", "2021-22", "published", only=["scrutiny"])
    assert "The board had drifted" not in " ".join(texts(published.sections[0]))
    empty = build(partnership, "annual", "2019-20", "published", only=["scrutiny"])
    assert texts(empty.sections[0]) == [
        "The independent scrutineer recorded no activity in this period."
    ]


def test_you_said_we_did_publishes_only_what_was_agreed(partnership, manager, feedback):
    services.record_what_changed(
        actor=manager, feedback=feedback, expected_version=feedback.version,
        changed="Advocates now meet children before every conference",
        changed_on=dt.date(2021, 3, 10),
    )  # fmt: skip
    internal = build(partnership, "annual", "2020-21", "internal", only=["voice"])
    words = " ".join(texts(internal.sections[0]))
    assert "We did: Advocates now meet children" in words
    published = build(partnership, "annual", "2020-21", "published", only=["voice"])
    assert "Advocates now meet" not in " ".join(texts(published.sections[0]))
    feedback.refresh_from_db()
    services.record_what_changed(
        actor=manager, feedback=feedback, expected_version=feedback.version,
        changed=feedback.changed, changed_on=feedback.changed_on, publish=True,
    )  # fmt: skip
    published = build(partnership, "annual", "2020-21", "published", only=["voice"])
    assert "Advocates now meet" in " ".join(texts(published.sections[0]))
    received = next(
        b for b in published.sections[0].information
        if isinstance(b, TableBlock) and b.table.title.startswith("Feedback received")
    )  # fmt: skip
    # one piece of feedback, from a family: a count of 1, so c, and so is the total
    assert received.published.shown == [["c"], ["c"]]
    assert received.table.row_labels == ["Child protection conference feedback", "All feedback"]
