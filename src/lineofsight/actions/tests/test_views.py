import datetime as dt

import pytest
from django.utils import timezone

from lineofsight.actions.models import Action
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.fixture
def action(make_action):
    return make_action(
        title="Audit neglect tool use",
        themes=["neglect"],
        due_date=timezone.localdate() - dt.timedelta(days=5),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/actions/",
        "/actions/summary/",
        "/learning/",
        "/learning/themes/",
        "/learning/themes/neglect/",
        "/actions/new/",
    ],
)
def test_outsider_refused_pages(outsider, path, themes):
    assert_outsider_refused(outsider, path)


@pytest.mark.django_db
def test_outsider_refused_an_action(outsider, action, agency):
    for path in (
        f"/actions/{action.pk}/",
        f"/actions/{action.pk}/update/",
        f"/actions/{action.pk}/close/",
        f"/actions/agency/{agency.pk}/",
    ):
        assert_outsider_refused(outsider, path)
    assert_outsider_refused(
        outsider, f"/actions/{action.pk}/close/", "post", {"version": 1, "impact_evidence": "x"}
    )


@pytest.mark.django_db
def test_board_member_sees_pages_but_cannot_update(make_user, action, agency):
    client = client_for(make_user(Role.BOARD_MEMBER))
    for path in (
        "/actions/",
        "/actions/summary/",
        f"/actions/{action.pk}/",
        f"/actions/agency/{agency.pk}/",
        "/learning/",
        "/learning/themes/",
        "/learning/themes/neglect/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert "Overdue by 5 days" in page and "Add an update" not in page
    assert client.get(f"/actions/{action.pk}/update/").status_code == 403
    assert "Audit neglect tool use" in client.get("/learning/themes/neglect/").content.decode()
    themes_page = client.get("/learning/themes/").content.decode()
    assert "1 action since" in themes_page


@pytest.mark.django_db
def test_other_agency_lead_cannot_update(make_user, other_agency, action):
    client = client_for(make_user(Role.AGENCY_LEAD, agency_=other_agency))
    assert client.get(f"/actions/{action.pk}/").status_code == 200
    assert client.get(f"/actions/{action.pk}/update/").status_code == 403
    response = client.post(f"/actions/{action.pk}/close/", {"version": 1, "impact_evidence": "x"})
    assert response.status_code == 403
    assert Action.objects.get(pk=action.pk).status == "open"


@pytest.mark.django_db
def test_lead_updates_then_closes_with_evidence(make_user, action):
    client = client_for(make_user(Role.AGENCY_LEAD))
    response = client.post(
        f"/actions/{action.pk}/update/",
        {
            "version": 1,
            "text": "Tool rolled out",
            "status": "in_progress",
            "evidence": "Briefing notes",
        },
    )
    assert response.status_code == 302
    response = client.post(f"/actions/{action.pk}/close/", {"version": 2, "impact_evidence": ""})
    assert response.status_code == 400
    assert "Enter the evidence that this action has made a difference" in response.content.decode()
    response = client.post(
        f"/actions/{action.pk}/close/",
        {"version": 2, "impact_evidence": "Re-audit: 59% good or better"},
    )
    assert response.status_code == 302
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert "Closed with evidence of impact" in page and "59% good or better" in page
    assert "Tool rolled out" in page and "Briefing notes" in page


@pytest.mark.django_db
def test_stale_form_gets_a_conflict_message(make_user, action):
    client = client_for(make_user(Role.AGENCY_LEAD))
    client.post(f"/actions/{action.pk}/update/", {"version": 1, "text": "one", "status": "open"})
    response = client.post(
        f"/actions/{action.pk}/update/",
        {"version": 1, "text": "No longer needed: superseded", "status": "cancelled"},
    )
    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == "open"


@pytest.mark.django_db
def test_list_filters_and_exports(make_user, make_action, other_agency, action):
    make_action(
        title="=HYPERLINK(evil)",
        owner_agency=other_agency,
        source="audit",
        due_date=timezone.localdate() + dt.timedelta(days=200),
    )
    client = client_for(make_user(Role.PERFORMANCE_ANALYST))
    page = client.get("/actions/", {"due": "overdue"}).content.decode()
    assert "Audit neglect tool use" in page and "HYPERLINK" not in page
    page = client.get("/actions/", {"source": "audit"}).content.decode()
    assert "Audit neglect tool use" not in page and "HYPERLINK" in page
    csv = client.get("/actions/", {"export": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in body and "Audit neglect tool use" in body
    xlsx = client.get("/actions/", {"export": "xlsx", "theme": "neglect"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_admin_creates_and_edits_an_action(make_user, agency, themes):
    client = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    response = client.post(
        "/actions/new/",
        {
            "title": "Respond to JTAI finding",
            "source": "inspection",
            "source_label": "JTAI 2021",
            "owner_agency": agency.pk,
            "due_date_day": "31",
            "due_date_month": "3",
            "due_date_year": "2022",
            "themes": [themes["thresholds"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    action = Action.objects.get()
    assert action.due_date == dt.date(2022, 3, 31) and action.source == "inspection"
    response = client.post(
        f"/actions/{action.pk}/edit/",
        {
            "version": 1,
            "title": "Respond to JTAI finding 2",
            "owner_agency": agency.pk,
            "due_date_day": "30",
            "due_date_month": "4",
            "due_date_year": "2022",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.title.endswith("2") and not action.themes.exists()
    lead = client_for(make_user(Role.AGENCY_LEAD))
    assert lead.get("/actions/new/").status_code == 403


@pytest.mark.django_db
def test_learning_home_links_sections(make_user, themes):
    page = client_for(make_user(Role.TRAINING_MANAGER)).get("/learning/").content.decode()
    assert "/learning/themes/" in page and "/actions/" in page


@pytest.mark.django_db
def test_every_form_carries_a_csrf_token(make_user, action):
    import re

    client = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    for path in (
        "/actions/new/",
        f"/actions/{action.pk}/edit/",
        f"/actions/{action.pk}/update/",
        f"/actions/{action.pk}/close/",
    ):
        page = client.get(path).content.decode()
        assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', page), path


@pytest.mark.django_db
def test_an_update_holding_a_child_identifier_is_refused_and_nothing_saved(make_user, action):
    """Issue 8 item 13, through the page: the shared free-text guard refuses, nothing saved."""
    client = client_for(make_user(Role.AGENCY_LEAD))
    before = Action.objects.get(pk=action.pk).version
    response = client.post(
        f"/actions/{action.pk}/update/",
        {
            "version": 1,
            "text": "Seen child SYN3710000042 at DN1 1AA",
            "status": "in_progress",
            "evidence": "",
        },
    )
    assert response.status_code in (200, 400)
    assert "Remove the LA child id" in response.content.decode()
    assert Action.objects.get(pk=action.pk).version == before
