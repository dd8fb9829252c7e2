import datetime as dt

import pytest

from lineofsight.actions.models import Action
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.reviews import services
from lineofsight.reviews.models import Review
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.mark.django_db
def test_outsider_refused(outsider, make_review):
    review = make_review()
    rec = services.add_recommendation(actor=SYSTEM, review=review, text="Improve things")
    for path in (
        "/reviews/",
        "/reviews/new/",
        f"/reviews/{review.pk}/",
        f"/reviews/{review.pk}/rapid-review/",
        f"/reviews/{review.pk}/edit/",
        f"/reviews/{review.pk}/recommendations/{rec.number}/action/",
    ):
        assert_outsider_refused(outsider, path)
    assert_outsider_refused(outsider, "/reviews/new/", "post", {"reference": "Child Z"})


@pytest.mark.django_db
def test_board_member_reads_but_cannot_write(make_user, make_review):
    review = make_review()
    client = client_for(make_user(Role.BOARD_MEMBER))
    assert client.get("/reviews/").status_code == 200
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "Record the rapid review" not in page
    assert client.get(f"/reviews/{review.pk}/rapid-review/").status_code == 403


@pytest.mark.django_db
def test_record_incident_see_deadlines_then_rapid_review(manager, themes):
    client = client_for(manager)
    response = client.post(
        "/reviews/new/",
        {
            "reference": "Child M",
            "incident_type": "serious_harm",
            "la_aware_on_day": "1",
            "la_aware_on_month": "4",
            "la_aware_on_year": "2021",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "12 April 2021" in page and "26 April 2021" in page and "Overdue by" in page
    response = client.post(
        f"/reviews/{review.pk}/rapid-review/",
        {
            "version": 1,
            "rapid_review_on_day": "20",
            "rapid_review_on_month": "4",
            "rapid_review_on_year": "2021",
            "decision": "cspr",
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.decision == "cspr" and review.initiated_on == dt.date(2021, 4, 20)
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "20 October 2021" in page and "CSPR Child M" in page


@pytest.mark.django_db
def test_a_name_in_the_reference_is_refused_on_the_form(manager, themes):
    response = client_for(manager).post(
        "/reviews/new/",
        {
            "reference": "Jayden Smith",
            "incident_type": "death",
            "la_aware_on_day": "1",
            "la_aware_on_month": "4",
            "la_aware_on_year": "2021",
        },
    )
    assert response.status_code == 400
    assert "looks like a name" in response.content.decode()
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_recommendation_to_action_through_the_pages(manager, make_review, agency):
    review = make_review()
    client = client_for(manager)
    client.post(
        f"/reviews/{review.pk}/recommendations/new/",
        {"text": "Share chronologies at strategy meetings"},
    )
    blank = client.post(f"/reviews/{review.pk}/recommendations/1/action/", {"title": ""})
    assert blank.status_code == 400 and not Action.objects.exists()  # one status rule (issue 9)
    assert "govuk-error-summary" in blank.content.decode()
    response = client.post(
        f"/reviews/{review.pk}/recommendations/1/action/",
        {
            "title": "Chronologies at every strategy meeting",
            "owner_agency": agency.pk,
            "due_date_day": "31",
            "due_date_month": "3",
            "due_date_year": "2022",
        },
    )
    action = Action.objects.get()
    assert response["Location"] == f"/actions/{action.pk}/"
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "Chronologies at every strategy meeting" in page
    detail = client.get(f"/actions/{action.pk}/").content.decode()
    assert f'href="/reviews/{review.pk}/#recommendation-1"' in detail


@pytest.mark.django_db
def test_list_filters_flags_and_exports(manager, make_review):
    make_review()
    make_review(reference="Child P", la_aware_on=dt.date(2018, 5, 1))
    client = client_for(manager)
    page = client.get("/reviews/").content.decode()
    assert "have an overdue deadline" in page
    page = client.get("/reviews/", {"year": "2018"}).content.decode()
    assert "Child P" in page and "Child M" not in page
    response = client.get("/reviews/", {"export": "csv"})
    assert "Rapid review Child M" in response.content.decode("utf-8-sig")
    assert client.get("/reviews/", {"export": "xlsx"}).status_code == 200
    landing = client.get("/learning/").content.decode()
    assert 'href="/reviews/"' in landing


@pytest.mark.django_db
def test_every_form_carries_a_csrf_token(manager, make_review):
    import re

    review = make_review()
    services.add_recommendation(actor=manager, review=review, text="Do better")
    client = client_for(manager)
    for path in (
        "/reviews/new/",
        f"/reviews/{review.pk}/rapid-review/",
        f"/reviews/{review.pk}/edit/",
        f"/reviews/{review.pk}/children/new/",
        f"/reviews/{review.pk}/recommendations/new/",
        f"/reviews/{review.pk}/recommendations/1/action/",
        f"/reviews/{review.pk}/progress/",
    ):
        page = client.get(path).content.decode()
        assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', page), path
