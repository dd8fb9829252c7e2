import datetime as dt

import pytest

from lineofsight.actions.models import Action, ActionUpdate, LearningTheme
from lineofsight.actions.recurrence import recurrence
from lineofsight.partnership import demo as partnership_demo
from lineofsight.reviews import demo, status
from lineofsight.reviews.models import Recommendation, Review

TODAY = dt.date(2022, 3, 1)


def snapshot_of_history():
    reviews = [
        (r.reference, r.la_aware_on, r.notified_on, r.rapid_review_on, r.decision, r.published_on)
        for r in Review.objects.order_by("reference")
    ]
    acts = [(a.title, a.due_date, a.status) for a in Action.objects.order_by("title")]
    return reviews, acts


@pytest.fixture
def demo_partnership(settings, tmp_path, db):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()


def test_demo_history_is_realistic(demo_partnership):
    demo.load(seed=2021, today=TODAY)
    reviews = list(Review.objects.all())
    years = {r.la_aware_on.year for r in reviews}
    assert set(range(2016, 2022)) <= years <= {*range(2016, 2022), TODAY.year}
    assert 15 <= len(reviews) <= 25
    current = {r.reference: status.stage(r) for r in reviews if r.reference[-1] in "XYZ"}
    assert current == {
        "Child X": "Rapid review",
        "Child Y": "Review in progress",
        "Child Z": "Notification due",
    }
    flags = {r.reference: [d.key for d in status.overdue_deadlines(r, TODAY)] for r in reviews}
    assert flags["Child Z"] == ["notification"] and flags["Child Y"] == ["publication"]
    assert (
        flags["Child X"] == []
        and status.next_deadline(Review.objects.get(reference="Child X")).state(TODAY) == "due_soon"
    )
    assert Action.objects.filter(status="cancelled").count() == 1
    assert Review.objects.filter(la_aware_on__year=2020, decision="cspr").count() == 2
    assert Recommendation.objects.count() >= 30
    assert Action.objects.filter(status="closed").count() >= 15
    assert all(a.impact_evidence for a in Action.objects.filter(status="closed"))
    open_ = Action.objects.filter(status__in=Action.ACTIVE)
    assert any(a.due_date < TODAY for a in open_) and any(a.due_date >= TODAY for a in open_)
    assert ActionUpdate.objects.count() > Action.objects.count()
    overdue = [r for r in reviews if status.overdue_deadlines(r, TODAY)]
    assert overdue, "some review should be flagged overdue (an unpublished CSPR)"
    late = [r for r in reviews if status.review_deadlines(r)[0].was_late()]
    assert late
    [neglect] = recurrence(LearningTheme.objects.filter(slug="neglect"))
    assert neglect.sentence().startswith("5 case reviews since 2017, ")
    assert all(a.created_at.date() <= TODAY for a in Action.objects.all())


def test_demo_is_deterministic_and_idempotent(demo_partnership, django_db_blocker):
    demo.load(seed=7, today=TODAY)
    first = snapshot_of_history()
    demo.load(seed=7, today=TODAY)  # a second run changes nothing
    assert snapshot_of_history() == first
    Review.objects.all().delete()
    Action.objects.all().delete()
    demo.load(seed=7, today=TODAY)
    assert snapshot_of_history() == first
