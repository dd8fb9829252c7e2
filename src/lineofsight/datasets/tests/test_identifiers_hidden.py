"""Issue 8 item 3: a rejected return's problems never store or show a raw child identifier."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lineofsight.datasets import services
from lineofsight.datasets.keys import pseudonymisation_key
from lineofsight.datasets.models import Submission
from lineofsight.formats import pseudonym
from lineofsight.formats.tests.builders import child, cin_xml, episode, episode_row, write_903
from lineofsight.formats.tests.test_annex_a_partner import annex_a, contact
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for

RAW = ("SYN3710000001", "SYN3710000002")


@pytest.fixture(autouse=True)
def snapshot_dir(settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path


def _assert_hidden(submission: Submission, *raw: str) -> None:
    stored = json.dumps(submission.problems)
    for identifier in raw:
        assert identifier not in stored
    assert submission.error_count and submission.problems


@pytest.mark.django_db
def test_rejected_cin_census_upload_stores_and_shows_only_pseudonyms(make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    bad = episode(referral="2023-06-01", closure="2023-05-01")
    xml = cin_xml(child(RAW[0], episodes=(bad,)), child(RAW[1]), child(RAW[1]))
    client = client_for(analyst)
    response = client.post(
        "/data/upload/", {"returns": SimpleUploadedFile("cin.xml", xml.encode())}
    )
    submission = Submission.objects.get()
    assert submission.status == "rejected" and response.status_code == 302
    _assert_hidden(submission, *RAW, "A123456789012")
    page = client.get(f"/data/{submission.pk}/").content.decode()
    assert "The return was rejected" in page
    for identifier in RAW:
        assert identifier not in page
    assert pseudonym(RAW[0], pseudonymisation_key()) in page  # still findable by the data team


@pytest.mark.django_db
def test_rejected_903_return_stores_only_pseudonyms(partnership, tmp_path):
    broken = episode_row(CHILD=RAW[0], DECOM="31/02/2023", RNE="??")
    folder = write_903(tmp_path / "903", Episodes=[broken])
    [outcome] = services.ingest_paths(
        actor=SYSTEM, partnership=partnership, paths=[folder], collection_year=2024
    )
    assert not outcome.accepted
    _assert_hidden(outcome.submission, RAW[0], "L1", "L2")


@pytest.mark.django_db
def test_rejected_annex_a_stores_only_pseudonyms(partnership, tmp_path):
    rows = [contact(RAW[0], when="not a date"), contact(RAW[1], when=datetime(2030, 1, 1))]
    path = annex_a(tmp_path / "annex.xlsx", rows)
    [outcome] = services.ingest_paths(
        actor=SYSTEM, partnership=partnership, paths=[path], collection_year=2024
    )
    assert not outcome.accepted
    _assert_hidden(outcome.submission, *RAW)


def test_an_identifier_in_a_message_or_value_is_hidden_too():
    from lineofsight.formats import Parsed, Problem, pseudonymise

    key = b"k" * 32
    problem = Problem("f", "row 4", "X", "SYN1 and SYN2", "SYN1 is also SYN2", "error", "r", "SYN1")
    parsed = Parsed("ssda903", tables={"cla_children": [{"child_id": "SYN2"}]}, problems=[problem])
    [hidden] = pseudonymise(parsed, key).problems
    text = repr(hidden)
    assert "SYN1" not in text.replace(pseudonym("SYN1", key), "")
    assert "'SYN2" not in text and " SYN2" not in text and hidden.location == "row 4"
