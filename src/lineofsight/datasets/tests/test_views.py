import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.formats.tests.builders import child, cin_xml
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
@pytest.mark.parametrize("url", ["/data/", "/data/upload/"])
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
    assert "Return accepted" in page and "police-april.csv" in page


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
