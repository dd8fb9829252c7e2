import datetime as dt

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.cdop import services
from lineofsight.cdop.models import ChildDeath, LearningPoint
from lineofsight.partnership.actors import SYSTEM
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def point(death, coordinator, themes):
    return services.add_learning_point(
        actor=coordinator, death=death, text="Safer sleep advice at discharge", themes=["neglect"]
    )


@pytest.fixture
def meeting(partnership, coordinator, agency):
    return services.create_meeting(
        actor=coordinator,
        partnership=partnership,
        held_on=dt.date(2021, 9, 1),
        attendance={agency: 2},
    )


def test_every_cdop_page_refuses_outsiders(outsider, death, point, meeting):
    report = services.add_agency_report(
        actor=SYSTEM, death=death, agency=outsider.agency, requested_on=dt.date(2021, 5, 5)
    )
    for url in [
        "/cdop/",
        "/cdop/new/",
        f"/cdop/{death.pk}/",
        f"/cdop/{death.pk}/edit/",
        f"/cdop/{death.pk}/reports/new/",
        f"/cdop/{death.pk}/reports/{report.pk}/returned/",
        f"/cdop/{death.pk}/review/",
        f"/cdop/{death.pk}/learning/new/",
        "/cdop/meetings/",
        "/cdop/meetings/new/",
        f"/cdop/meetings/{meeting.pk}/",
        "/cdop/statistics/",
        "/cdop/statistics/national/",
        "/cdop/settings/",
        f"/actions/raise/cdop/{point.pk}/",
    ]:
        assert_outsider_refused(outsider, url)
    assert_outsider_refused(outsider, "/cdop/new/", "post", {"reference": "Child X 1"})


def test_the_board_sees_statistics_but_never_a_record(board, death, point, meeting):
    client = client_for(board)
    assert client.get("/cdop/").status_code == 302  # to the statistics
    assert client.get("/cdop/statistics/").status_code == 200
    for url in [f"/cdop/{death.pk}/", "/cdop/meetings/", f"/actions/raise/cdop/{point.pk}/"]:
        assert client.get(url).status_code == 403, url


def test_a_panel_member_reads_records_but_cannot_change_them(panel_member, death):
    client = client_for(panel_member)
    assert client.get(f"/cdop/{death.pk}/").status_code == 200
    assert client.get(f"/cdop/{death.pk}/review/").status_code == 403
    assert client.get(f"/cdop/{death.pk}/edit/").status_code == 403
    assert client.get("/cdop/new/").status_code == 403


def test_the_coordinator_corrects_the_notification_and_a_stale_edit_is_refused(coordinator, death):
    from lineofsight.audit.models import AuditLog
    from lineofsight.cdop import verbs

    client = client_for(coordinator)
    page = client.get(f"/cdop/{death.pk}/edit/")
    assert page.status_code == 200 and death.reference in page.content.decode()
    data = {
        "version": death.version,
        "reference": death.reference,
        "died_on_day": "3", "died_on_month": "5", "died_on_year": "2021",
        "notified_on_day": "1", "notified_on_month": "5", "notified_on_year": "2021",
        "age_band": death.age_band, "sex": death.sex, "ethnicity": death.ethnicity,
        "residence": death.residence, "place_of_death": death.place_of_death,
        "expectation": death.expectation,
    }  # fmt: skip
    response = client.post(f"/cdop/{death.pk}/edit/", data)
    assert response.status_code == 400  # notified before the death
    assert "cannot be notified before the date of death" in response.content.decode()
    data.update({"notified_on_day": "4"})
    assert client.post(f"/cdop/{death.pk}/edit/", data).status_code == 302
    death.refresh_from_db()
    assert (death.died_on, death.notified_on) == (dt.date(2021, 5, 3), dt.date(2021, 5, 4))
    assert AuditLog.objects.filter(verb=verbs.DEATH_UPDATE).count() == 1
    stale = client.post(f"/cdop/{death.pk}/edit/", {**data, "died_on_day": "2"})
    assert stale.status_code == 409  # someone else saved it meanwhile: nothing is overwritten
    death.refresh_from_db()
    assert death.died_on == dt.date(2021, 5, 3)


def test_every_read_of_a_record_is_audited(coordinator, death):
    client = client_for(coordinator)
    assert client.get(f"/cdop/{death.pk}/").status_code == 200
    assert AuditLog.objects.filter(
        action="read", object_type="cdop.death", object_id=str(death.pk)
    ).exists()
    client.get("/cdop/")
    assert AuditLog.objects.filter(
        action="read", object_type="cdop.death", detail__records=1
    ).exists()


def test_record_a_death_and_refuse_a_name(coordinator):
    client = client_for(coordinator)
    data = {
        "reference": "Jayden Smith",
        "died_on_day": "3",
        "died_on_month": "5",
        "died_on_year": "2021",
        "notified_on_day": "4",
        "notified_on_month": "5",
        "notified_on_year": "2021",
        "age_band": "1_4",
        "sex": "male",
        "ethnicity": "not_known",
        "residence": "this_area",
        "place_of_death": "home",
        "expectation": "unexpected",
    }
    response = client.post("/cdop/new/", data)
    assert response.status_code == 400
    assert "looks like a name" in response.content.decode()
    assert not ChildDeath.objects.exists()
    data["reference"] = "Child D 7"
    response = client.post("/cdop/new/", data)
    assert response.status_code == 302
    death = ChildDeath.objects.get()
    assert response["Location"] == f"/cdop/{death.pk}/"
    assert AuditLog.objects.filter(verb="cdop.death.create").count() == 1


def test_notification_before_death_is_refused_and_nothing_stored(coordinator):
    data = {
        "reference": "Child D 8",
        "died_on_day": "3",
        "died_on_month": "5",
        "died_on_year": "2021",
        "notified_on_day": "1",
        "notified_on_month": "5",
        "notified_on_year": "2021",
        "age_band": "1_4",
        "sex": "male",
        "ethnicity": "not_known",
        "residence": "this_area",
        "place_of_death": "home",
        "expectation": "unexpected",
    }
    response = client_for(coordinator).post("/cdop/new/", data)
    assert response.status_code == 400
    assert "cannot be notified before the date of death" in response.content.decode()
    assert not ChildDeath.objects.exists()


def test_panel_review_with_factors_then_an_action(coordinator, death, meeting, agency, themes):
    client = client_for(coordinator)
    data = {
        "version": death.version,
        "panel_meeting": meeting.pk,
        "category": "",
        "factors_family": "2 Parental smoking\n1 Overcrowded housing",
        "factors_physical": "bad line without grade",
        "outcome": "modifiable",
    }
    response = client.post(f"/cdop/{death.pk}/review/", data)
    assert response.status_code == 400
    assert "Line 1: start with the grade" in response.content.decode()
    data["factors_physical"] = "2 Unsafe sleeping arrangement"
    response = client.post(f"/cdop/{death.pk}/review/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    death.refresh_from_db()
    assert death.reviewed_on == dt.date(2021, 9, 1)
    assert sorted(death.factors.values_list("description", "grade")) == [
        ("Overcrowded housing", 1),
        ("Parental smoking", 2),
        ("Unsafe sleeping arrangement", 2),
    ]
    response = client.post(
        f"/cdop/{death.pk}/learning/new/", {"text": "Safer sleep advice", "agency": agency.pk}
    )
    assert response.status_code == 302
    point = LearningPoint.objects.get()
    response = client.post(
        f"/actions/raise/cdop/{point.pk}/",
        {
            "title": "Safer sleep campaign",
            "owner_agency": agency.pk,
            "due_date_day": "1",
            "due_date_month": "3",
            "due_date_year": "2022",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == point.get_absolute_url()  # the coordinator has no tracker
    from lineofsight.actions.models import Action

    action = Action.objects.get()
    assert action.source == "cdop" and action.source_object() == point


def test_the_coordinators_home_page_lists_open_cases_and_what_is_overdue(coordinator, make_death):
    make_death(reference="Child D 1", died_on=dt.date(2020, 1, 1), notified_on=dt.date(2020, 1, 2))
    response = client_for(coordinator).get("/")
    page = response.content.decode()
    assert "Your open child death cases" in page
    assert "Child D 1" in page
    assert "No agency report returned 6 weeks after notification" in page
    assert "Open more than 12 months after the death" in page


def test_the_case_list_exports_csv(coordinator, death):
    response = client_for(coordinator).get("/cdop/?format=csv")
    assert response.status_code == 200
    assert "Child D 101" in response.content.decode()


def _cell(page, label):
    import re

    match = re.search(
        rf'<th scope="row" class="govuk-table__header">{label}</th>\s*'
        r'<td class="govuk-table__cell govuk-table__cell--numeric">(.*?)</td>',
        page,
    )
    assert match, label
    return match.group(1)


def test_statistics_exact_for_cdop_and_suppressed_for_the_board(coordinator, board, make_death):
    make_death(reference="Child D 1", died_on=dt.date(2021, 5, 3), notified_on=dt.date(2021, 5, 4))
    make_death(
        reference="Child D 2",
        died_on=dt.date(2021, 6, 3),
        notified_on=dt.date(2021, 6, 4),
        age_band="15_17",
        expectation="expected",
    )
    exact = client_for(coordinator).get("/cdop/statistics/?year=2021").content.decode()
    assert "2021-22" in exact
    assert _cell(exact, "Deaths notified") == "2"
    assert _cell(exact, "Under one year") == "1"
    assert _cell(exact, r"Under one year \(%\)") == "50.0%"
    suppressed = client_for(board).get("/cdop/statistics/?year=2021").content.decode()
    assert "c</abbr>" in _cell(suppressed, "Deaths notified")
    assert "c</abbr>" in _cell(suppressed, r"Under one year \(%\)")
    csv = client_for(board).get("/cdop/statistics/?format=csv").content.decode()
    assert "2021-22,Deaths notified,Deaths notified,c," in csv
    csv = client_for(coordinator).get("/cdop/statistics/?format=csv").content.decode()
    assert "2021-22,Deaths notified,Deaths notified,2," in csv


def test_a_national_figure_is_entered_and_shown(coordinator, death):
    client = client_for(coordinator)
    response = client.post(
        "/cdop/statistics/national/",
        {"year": "2021", "measure": "modifiable_pct", "value": "33.9", "source": "NCMD"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "33.9%" in page
    assert AuditLog.objects.filter(verb="cdop.comparator.set").count() == 1


def test_the_alert_thresholds_are_configurable(coordinator, make_death):
    make_death(reference="Child D 1", died_on=dt.date(2020, 1, 1), notified_on=dt.date(2020, 1, 2))
    client = client_for(coordinator)
    response = client.post(
        "/cdop/settings/",
        {"agency_report_weeks": "8", "open_warning_months": "12", "open_overdue_months": "6"},
    )
    assert response.status_code == 400  # the warning must come first
    response = client.post(
        "/cdop/settings/",
        {"agency_report_weeks": "8", "open_warning_months": "9", "open_overdue_months": "18"},
    )
    assert response.status_code == 302
    page = client.get("/cdop/").content.decode()
    assert "No agency report returned 8 weeks after notification" in page
    assert "Open more than 18 months after the death" in page


def test_an_imported_review_keeps_its_date_when_the_analysis_is_edited(coordinator, make_death):
    from lineofsight.cdop.models import DeathCategory

    category = DeathCategory.objects.get(code="malignancy")
    death = make_death(
        reference="CDOP-0001",
        reviewed_on=dt.date(2022, 1, 10),
        closed_on=dt.date(2022, 1, 10),
        category=category,
        outcome="not_modifiable",
    )
    response = client_for(coordinator).post(
        f"/cdop/{death.pk}/review/",
        {
            "version": death.version,
            "panel_meeting": "",
            "category": category.pk,
            "outcome": "not_modifiable",
            "factors_intrinsic": "1 Life-limiting condition",
            "close": "on",
        },
    )
    assert response.status_code == 302
    death.refresh_from_db()
    assert death.reviewed_on == death.closed_on == dt.date(2022, 1, 10)
    assert death.factors.get().grade == 1
