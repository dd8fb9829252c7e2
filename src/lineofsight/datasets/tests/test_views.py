import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.formats.codelists import partner_measures
from lineofsight.formats.tests.builders import child, cin_xml, write_903
from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

PARTNER_RETURN = (
    "agency_code,measure_id,period_start,period_end,value,breakdown\n"
    "police,police_da_incidents_children_present,2021-04-01,2021-04-30,412,\n"
)


@pytest.fixture(autouse=True)
def snapshot_dir(settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path


def upload(client, name, content):
    return client.post("/data/upload/", {"returns": SimpleUploadedFile(name, content)})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/data/", "/data/upload/", "/data/formats/", "/data/formats/partner-return-template.csv"],
)
def test_outsider_refused(outsider, url):
    assert_outsider_refused(outsider, url)


@pytest.mark.django_db
def test_outsider_refused_a_submission(outsider, make_user):
    lead = make_user(Role.AGENCY_LEAD)
    response = upload(client_for(lead), "p.csv", PARTNER_RETURN.encode())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert_outsider_refused(outsider, f"/data/{submission.pk}/")


@pytest.mark.django_db
def test_board_member_cannot_upload(make_user):
    board = make_user(Role.BOARD_MEMBER)
    assert client_for(board).get("/data/upload/").status_code == 403


@pytest.mark.django_db
def test_agency_lead_uploads_a_partner_return_and_sees_it_accepted(make_user, agency):
    lead = make_user(Role.AGENCY_LEAD)
    client = client_for(lead)
    response = upload(client, "police-april.csv", PARTNER_RETURN.encode())
    submission = Submission.objects.get()
    assert response["Location"] == f"/data/{submission.pk}/"
    assert submission.agency == agency and submission.status == "accepted"
    page = client.get(response["Location"]).content.decode()
    assert "Return accepted: 1 record stored as snapshot version 1." in page
    assert "police-april.csv" in page


@pytest.mark.django_db
def test_return_accepted_is_said_once_not_on_every_later_visit(make_user, agency):
    client = client_for(make_user(Role.AGENCY_LEAD))
    response = upload(client, "police-april.csv", PARTNER_RETURN.encode())
    first = client.get(response["Location"]).content.decode()
    again = client.get(response["Location"]).content.decode()
    assert first.count("Return accepted") == 1
    assert "Return accepted" not in again
    # The return's page still says what it is, every time.
    assert ">Current</strong>" in again.replace("\n", "").replace("  ", "")
    assert "1 record stored as snapshot version 1." in again


@pytest.mark.django_db
def test_agency_leads_see_only_their_agencys_submissions(make_user, other_agency):
    mine = make_user(Role.AGENCY_LEAD)
    theirs = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    upload(client_for(theirs), "p.csv", PARTNER_RETURN.encode())
    submission = Submission.objects.get()
    assert client_for(mine).get(f"/data/{submission.pk}/").status_code == 404
    assert "p.csv" not in client_for(mine).get("/data/").content.decode()
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    assert client_for(analyst).get(f"/data/{submission.pk}/").status_code == 200


@pytest.mark.django_db
def test_hostile_xml_is_rejected_with_a_clear_message(make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Message><Children>&x;</Children></Message>"
    )
    response = upload(client_for(analyst), "evil.xml", xxe)
    page = client_for(analyst).get(response["Location"]).content.decode()
    assert "The return was rejected" in page
    assert "root:" not in page
    assert Snapshot.objects.count() == 0


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_before_it_is_read(make_user, settings):
    settings.MAX_UPLOAD_MB = 1
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    big = cin_xml(*(child(f"C{i}") for i in range(1)))
    response = upload(client_for(analyst), "big.xml", big.encode() + b" " * (2 * 1024 * 1024))
    assert response.status_code == 413
    assert "The file is too large" in response.content.decode()
    assert Submission.objects.count() == 0


@pytest.mark.django_db
def test_upload_page_offers_the_size_limit(make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    page = client_for(analyst).get("/data/upload/").content.decode()
    assert "200 MB" in page and 'type="file"' in page and "multiple" in page


@pytest.mark.django_db
def test_an_upload_without_a_file_says_select_a_file(make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    for form in ({}, {"collection_year": ""}):  # nothing at all, or the page's empty form
        response = client_for(analyst).post("/data/upload/", form)
        assert response.status_code == 200
        page = response.content.decode()
        assert "There is a problem" in page and "Select a file to upload" in page
    assert Submission.objects.count() == 0


@pytest.mark.django_db
def test_the_upload_page_links_the_formats_template_and_measures(make_user):
    lead = make_user(Role.AGENCY_LEAD)
    client = client_for(lead)
    assert 'href="/data/formats/"' in client.get("/data/upload/").content.decode()
    page = client.get("/data/formats/").content.decode()
    for measure_id in partner_measures():
        assert measure_id in page
    assert 'href="/data/formats/partner-return-template.csv"' in page
    assert 'href="/data/formats/partner-measures.csv"' in page
    template = client.get("/data/formats/partner-return-template.csv")
    assert template["Content-Type"].startswith("text/csv")
    assert "attachment" in template["Content-Disposition"]
    assert template.content.decode().startswith(
        "agency_code,measure_id,period_start,period_end,value,breakdown"
    )
    measures = client.get("/data/formats/partner-measures.csv").content.decode()
    assert all(measure_id in measures for measure_id in partner_measures())
    assert client.get("/data/formats/settings.py").status_code == 404


@pytest.mark.django_db
def test_the_ssda903_year_can_be_given_on_the_upload_page(make_user, tmp_path):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    folder = write_903(tmp_path / "903")
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(folder.iterdir())]
    page = client_for(analyst).get("/data/upload/").content.decode()
    assert 'name="collection_year"' in page
    response = client_for(analyst).post(
        "/data/upload/", {"returns": files, "collection_year": "2022"}
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.collection_year == 2022
    problems = [p["message"] for p in submission.problems]
    assert not any("Give the year if this is wrong" in message for message in problems)


@pytest.mark.django_db
def test_the_problem_table_counts_in_words_and_keeps_rule_codes_apart(make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    bad = PARTNER_RETURN.replace("police_da_incidents_children_present", "no_such_measure")
    response = upload(client_for(analyst), "p.csv", bad.encode())
    page = client_for(analyst).get(response["Location"]).content.decode()
    assert "It has 1 error." in page and "1 error, 0 warnings" in page
    assert "1 errors" not in page and "Rule partner." not in page
    assert "Rule code</th>" in page and "<code>partner.unknown_measure</code>" in page
