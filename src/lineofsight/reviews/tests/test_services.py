import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.actions import selectors as action_selectors
from lineofsight.actions import services as action_services
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.recurrence import recurrence
from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.roles import Role
from lineofsight.reviews import services, status
from lineofsight.reviews.models import Review


@pytest.mark.django_db
def test_deadlines_and_stage_follow_the_dates(make_review, manager, settings):
    review = make_review()
    assert status.stage(review) == status.Stage.NOTIFICATION
    [notification, rapid] = status.review_deadlines(review)
    assert (notification.due, rapid.due) == (dt.date(2021, 4, 12), dt.date(2021, 4, 26))
    assert [d.key for d in status.overdue_deadlines(review, dt.date(2021, 4, 13))] == [
        "notification"
    ]
    review = services.update_review(
        actor=manager, review=review, expected_version=1, notified_on=dt.date(2021, 4, 13)
    )
    assert status.review_deadlines(review)[0].was_late()
    review = services.record_rapid_review(
        actor=manager,
        review=review,
        expected_version=2,
        rapid_review_on=dt.date(2021, 4, 22),
        decision=Review.Decision.CSPR,
        decision_rationale="Agencies could have worked together more effectively",
    )
    assert review.decision_on == review.initiated_on == dt.date(2021, 4, 22)
    assert status.stage(review) == status.Stage.IN_PROGRESS
    publication = status.review_deadlines(review)[2]
    assert publication.due == dt.date(2021, 10, 22)
    settings.REVIEW_PUBLICATION_TARGET_MONTHS = 9
    assert status.review_deadlines(review)[2].due == dt.date(2022, 1, 22)
    assert review.name == "CSPR Child M"
    assert AuditLog.objects.filter(verb="review.rapid_review").exists()


@pytest.mark.django_db
def test_inconsistent_dates_and_unsafe_references_are_refused(make_review, manager):
    with pytest.raises(ValidationError, match="looks like a name"):
        make_review(reference="Tommy Jones")
    review = make_review()
    with pytest.raises(ValidationError):
        services.update_review(
            actor=manager, review=review, expected_version=1, notified_on=dt.date(2021, 3, 1)
        )
    with pytest.raises(ValidationError):
        services.update_review(
            actor=manager, review=review, expected_version=1, published_on=dt.date(2021, 9, 1)
        )
    with pytest.raises(ValidationError):
        services.add_child(
            actor=manager, review=review, reference="Child M 01/02/2019", age_band="1_4"
        )


@pytest.mark.django_db
def test_stale_edit_is_a_conflict(make_review, manager):
    review = make_review()
    services.update_review(
        actor=manager,
        review=Review.objects.get(pk=review.pk),
        expected_version=1,
        reviewer="Independent reviewer A",
    )
    with pytest.raises(EditConflict):
        services.update_review(
            actor=manager, review=review, expected_version=1, reviewer="Someone else"
        )
    assert Review.objects.get(pk=review.pk).reviewer == "Independent reviewer A"


@pytest.mark.django_db
def test_only_administrators_write(make_review, make_user):
    review = make_review()
    lead = make_user(Role.AGENCY_LEAD)
    with pytest.raises(PermissionDenied):
        services.add_note(actor=lead, review=review, text="x")


@pytest.mark.django_db
def test_recommendation_becomes_an_action_and_themes_recur(make_review, manager, agency):
    review = make_review()
    rec = services.add_recommendation(
        actor=manager, review=review, text="Agencies should share information at the front door"
    )
    assert rec.number == 1
    action = action_services.raise_action(
        actor=manager, record=rec, owner_agency=agency, due_date=dt.date(2021, 12, 1)
    )
    assert action.source == "review"
    assert action.source_label == "Rapid review Child M rec 1"
    assert action.source_object() == rec
    assert list(action_selectors.actions_for_source(rec)) == [action]
    assert set(action.themes.values_list("slug", flat=True)) == {"neglect", "information-sharing"}
    make_review(reference="Child P", la_aware_on=dt.date(2018, 5, 1), themes=["neglect"])
    [item] = recurrence(LearningTheme.objects.filter(slug="neglect"))
    assert item.sentence().startswith("2 case reviews since 2018, 1 action since ")
