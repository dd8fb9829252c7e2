import datetime as dt

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lineofsight.actions.models import Action
from lineofsight.assurance import standards
from lineofsight.assurance.models import Audit, Challenge, Section11Return
from lineofsight.assurance.services import audits, challenges, section11
from lineofsight.audit.models import AuditLog
from lineofsight.lib.routes import pages
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.fixture
def world(partnership, audit, round_, manager, lead, agency, other_agency):
    re_audit = audits.create_audit(
        actor=manager,
        partnership=partnership,
        title="Neglect re-audit",
        theme="Neglect",
        year=2017,
        quarter=3,
        lead="Jo",
        original=audit,
    )
    case = audits.add_case(
        actor=manager,
        audit=audit,
        reference="MAA-16-01",
        case_type="cp",
        gradings={agency: "requires_improvement"},
    )
    audits.add_case(
        actor=manager,
        audit=re_audit,
        reference="MAA-17-01",
        case_type="cp",
        gradings={agency: "good"},
    )
    finding = audits.add_finding(
        actor=manager, audit=audit, kind="improvement", text="Toolkit not used"
    )
    ret = section11.start_return(actor=lead, round_=round_, agency=agency)
    answers = {s.code: {"rating": "fully_met", "evidence": "Policy"} for s in standards.standards()}
    answers["training"] = {"rating": "not_met", "evidence": "x", "development_point": "Train"}
    section11.save_return(
        actor=lead, section11_return=ret, expected_version=1, answers=answers, submit=True
    )
    challenge = challenges.create_challenge(
        actor=manager,
        partnership=partnership,
        raised_on=dt.date(2017, 1, 10),
        raised_by_agency=agency,
        raised_by_person="Board",
        challenged_agency=other_agency,
        subject='=HYPERLINK("x")',
    )
    return {
        "audit": audit,
        "re_audit": re_audit,
        "case": case,
        "finding": finding,
        "round": round_,
        "return": ret,
        "answer": ret.answers.get(standard="training"),
        "challenge": challenge,
    }


def urls(w):
    a, f, r, c = w["audit"], w["finding"], w["round"], w["challenge"]
    return [
        (reverse("assurance:audits"), "get"),
        (reverse("assurance:audit_create"), "post"),
        (reverse("assurance:audit", args=[a.pk]), "get"),
        (reverse("assurance:audit_edit", args=[a.pk]), "post"),
        (reverse("assurance:case_create", args=[a.pk]), "post"),
        (reverse("assurance:case_edit", args=[w["case"].pk]), "post"),
        (reverse("assurance:finding_create", args=[a.pk]), "post"),
        (reverse("assurance:finding_edit", args=[f.pk]), "post"),
        (reverse("assurance:finding_action", args=[f.pk]), "post"),
        (reverse("assurance:section11"), "get"),
        (reverse("assurance:section11_round_create"), "post"),
        (reverse("assurance:section11_round", args=[r.pk]), "get"),
        (reverse("assurance:section11_round_edit", args=[r.pk]), "post"),
        (reverse("assurance:section11_respond", args=[r.pk]), "post"),
        (reverse("assurance:section11_return", args=[w["return"].pk]), "get"),
        (reverse("assurance:section11_reopen", args=[w["return"].pk]), "post"),
        (reverse("assurance:section11_action", args=[w["answer"].pk]), "post"),
        (reverse("assurance:challenges"), "get"),
        (reverse("assurance:challenge_create"), "post"),
        (reverse("assurance:challenge", args=[c.pk]), "get"),
        (reverse("assurance:challenge_edit", args=[c.pk]), "post"),
        (reverse("assurance:challenge_action", args=[c.pk]), "post"),
    ]


@pytest.mark.django_db
def test_every_assurance_page_refuses_outsiders(world, outsider):
    from lineofsight.assurance import urls as assurance_urls

    listed = urls(world)
    assert len(listed) == len(list(pages(assurance_urls.urlpatterns)))
    for url, method in listed:
        assert_outsider_refused(outsider, url, method)


@pytest.mark.django_db
def test_every_page_renders_for_a_manager(world, manager):
    client = client_for(manager)
    for url, _method in urls(world):
        if url.endswith(("/reopen/",)) or "my-return" in url:
            continue
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
def test_re_audit_page_shows_the_comparison(world, manager):
    page = client_for(manager).get(reverse("assurance:audit", args=[world["re_audit"].pk]))
    assert "Good or outstanding gradings (child protection) rose from 0% to 100%" in (
        page.content.decode()
    )


@pytest.mark.django_db
def test_lists_filter_and_export_safely(world, manager):
    client = client_for(manager)
    page = client.get(reverse("assurance:audits"), {"year": 2017})
    assert "Neglect re-audit" in page.content.decode() and "MAA" not in page.content.decode()
    csv = client.get(reverse("assurance:challenges"), {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("assurance:audits"), {"format": "xlsx", "year": 2016})
    import io

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[2]][:2] == ["Neglect", "Neglect"]
    assert sheet.max_row == 2


@pytest.mark.django_db
def test_creating_an_audit_through_the_form(partnership, manager):
    response = client_for(manager).post(
        reverse("assurance:audit_create"),
        {
            "title": "Thresholds",
            "theme": "Thresholds",
            "year": "2016",
            "quarter": "1",
            "lead": "Sam",
            "status": "planned",
        },
    )
    audit = Audit.objects.get(title="Thresholds")
    assert response.status_code == 302 and response["Location"] == audit.get_absolute_url()


@pytest.mark.django_db
def test_second_editor_gets_a_clear_conflict_and_keeps_their_text(world, manager):
    challenge = world["challenge"]
    url = reverse("assurance:challenge_edit", args=[challenge.pk])
    data = {
        "raised_on_day": "10",
        "raised_on_month": "1",
        "raised_on_year": "2017",
        "raised_by_agency": challenge.raised_by_agency_id,
        "raised_by_person": "Board",
        "challenged_agency": challenge.challenged_agency_id,
        "subject": "Attendance",
        "status": "responded",
        "version": "1",
    }
    first = client_for(manager).post(url, data)
    assert first.status_code == 302
    second = client_for(manager).post(
        url, {**data, "outcome": "My careful outcome", "status": "resolved"}
    )
    assert second.status_code == 409
    body = second.content.decode()
    assert "changed by someone else" in body and "My careful outcome" in body
    assert 'name="version" value="2"' in body
    stored = Challenge.objects.get(pk=challenge.pk)
    assert (stored.status, stored.outcome) == ("responded", "")


@pytest.mark.django_db
def test_a_lead_completes_their_own_return_in_the_browser_flow(
    round_, make_user, agency, other_agency
):
    from lineofsight.partnership.roles import Role

    lead = make_user(Role.AGENCY_LEAD, agency_=agency)
    client = client_for(lead)
    url = reverse("assurance:section11_respond", args=[round_.pk])
    assert "Start now" in client.get(url).content.decode()
    client.post(url)
    ret = Section11Return.objects.get(round=round_, agency=agency)
    data = {
        "version": "1",
        "action": "draft",
        "training_rating": "partially_met",
        "training_evidence": "Induction only",
    }
    assert client.post(url, data).status_code == 302
    ret.refresh_from_db()
    assert ret.version == 2 and ret.status == "draft"
    incomplete = client.post(url, {**data, "version": "2", "action": "submit"})
    assert incomplete.status_code == 400
    assert "There is a problem" in incomplete.content.decode()
    full = {"version": "2", "action": "submit"}
    for s in standards.standards():
        full.update({f"{s.code}_rating": "fully_met", f"{s.code}_evidence": "Evidence"})
    assert client.post(url, full).status_code == 302
    ret.refresh_from_db()
    assert ret.status == "submitted"
    # another agency's lead sees the submitted return but not to edit
    other = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    assert client_for(other).get(ret.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_another_agencys_draft_is_not_found(round_, make_user, agency, other_agency):
    from lineofsight.partnership.roles import Role

    lead = make_user(Role.AGENCY_LEAD, agency_=agency)
    draft = section11.start_return(actor=lead, round_=round_, agency=agency)
    other = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    assert client_for(other).get(draft.get_absolute_url()).status_code == 404
    assert client_for(lead).get(draft.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_raising_an_action_from_a_development_point(world, manager, agency):
    url = reverse("assurance:section11_action", args=[world["answer"].pk])
    response = client_for(manager).post(
        url,
        {
            "title": "Train all staff",
            "owner_agency": agency.pk,
            "due_date_day": "31",
            "due_date_month": "12",
            "due_date_year": "2021",
        },
    )
    action = Action.objects.get(title="Train all staff")
    assert response.status_code == 302 and action.source == "section11"
    assert AuditLog.objects.filter(verb="action.create", object_id=str(action.pk)).exists()
    page = client_for(manager).get(reverse("assurance:section11_round", args=[world["round"].pk]))
    assert "Train all staff" in page.content.decode()
