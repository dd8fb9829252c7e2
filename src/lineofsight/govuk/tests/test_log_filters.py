import logging

import pytest

from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for


@pytest.mark.django_db
def test_an_intended_refusal_is_one_line_without_a_traceback(make_user, caplog):
    analyst = make_user(Role.PERFORMANCE_ANALYST, username="ana")
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for(analyst).get("/audit/")
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is None and record.exc_text is None
    assert record.getMessage() == "Refused (403): /audit/ for ana: audit.view"
    assert "Traceback" not in caplog.text


@pytest.mark.django_db
def test_other_errors_keep_their_traceback(caplog):
    from lineofsight.govuk.log_filters import OneLineRefusals

    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, "", 0, "x", (), sys.exc_info())
    record.status_code = 500
    assert OneLineRefusals().filter(record) and record.exc_info is not None
