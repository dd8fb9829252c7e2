"""The "Training and its impact" report section: registered, exact in the internal edition,
small numbers suppressed (``disclosure``) in the published one."""

import datetime as dt

import pytest

from lineofsight.reports.assemble import build
from lineofsight.reports.content import Paragraph, TableBlock
from lineofsight.reports.registry import section
from lineofsight.workforce import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def trained(make_booking, manager, session):
    ann, bob = make_booking("Ann"), make_booking("Bob")
    links = services.record_attendance(
        actor=manager, session=session, attended={ann.pk: True, bob.pk: False}
    )
    services.answer_evaluation(
        actor=manager,
        link=links[0],
        answers={"reaction": 5, "confidence_before": 2, "confidence_after": 4},
    )


def _table(document, title):
    [content] = document.sections
    return next(
        b for b in content.information if isinstance(b, TableBlock) and b.table.title == title
    )


def test_the_section_is_registered_for_both_reports():
    spec = section("training")
    assert spec.title == "Training and its impact" and spec.kinds == ("quarterly", "annual")
    assert spec.owner == "Training manager"


def test_internal_edition_is_exact_and_published_suppresses_small_numbers(trained, partnership):
    internal = build(partnership, "annual", "2021-22", "internal", only=["training"])
    agencies = _table(internal, "Places and attendance by agency")
    assert agencies.published.shown[0][:3] == ["2", "1", "1"]  # Test Police
    published = build(partnership, "annual", "2021-22", "published", only=["training"])
    agencies = _table(published, "Places and attendance by agency")
    assert agencies.published.shown[0][:3] == ["c", "c", "c"]
    levels = _table(published, "Evaluation on Guskey's five levels")
    assert levels.published.shown[0][:2] == ["c", "c"]
    [content] = published.sections
    words = " ".join(b.text for b in content.information if isinstance(b, Paragraph))
    assert "Too few learners" in words
    # the summary: exact inside (Ann attended, Bob did not; Ann rated the course 5 of 5) and
    # without a count or percentage of the two learners outside
    [inside] = internal.sections
    assert inside.information[0] == Paragraph(
        "1 session of 1 course offered 2 places; 1 was attended and 1 missed "
        "(50.0% non-attendance). 100.0% of learners rated the course positively at the end."
    )
    assert content.information[0] == Paragraph("1 session of 1 course was run.")


def test_a_period_without_training_says_so(partnership, session):
    document = build(partnership, "annual", "2019-20", "internal", only=["training"])
    [content] = document.sections
    assert [b.text for b in content.information] == [
        "No training sessions were recorded in this period."
    ]
    assert session.starts_on == dt.date(2021, 6, 10)


def test_a_suppressed_agency_cannot_be_worked_out_from_the_total(
    partnership, manager, course, agency, other_agency
):
    big = services.create_session(
        actor=manager, course=course, starts_on=dt.date(2021, 9, 1), mode="virtual", capacity=20
    )
    for n in range(7):
        services.book(actor=manager, session=big, learner=f"P{n}", agency=agency)
    for n in range(2):
        services.book(actor=manager, session=big, learner=f"H{n}", agency=other_agency)
    published = build(partnership, "annual", "2021-22", "published", only=["training"])
    shown = _table(published, "Places and attendance by agency").published.shown
    labels = _table(published, "Places and attendance by agency").table.row_labels
    places = {label: row[0] for label, row in zip(labels, shown, strict=True)}
    assert places["Test Health"] == "c"
    assert "c" in (places["Test Police"], places["All agencies"])  # secondary suppression
    internal = build(partnership, "annual", "2021-22", "internal", only=["training"])
    shown = _table(internal, "Places and attendance by agency").published.shown
    assert [row[0] for row in shown] == ["2", "7", "9"]
