import pytest

from lineofsight.partnership.roles import Role
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.mark.django_db
def test_outsider_refused(outsider):
    assert_outsider_refused(outsider, "/audit/")


@pytest.mark.django_db
def test_analyst_is_refused_the_audit_log(make_user):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    assert client_for(analyst).get("/audit/").status_code == 403


@pytest.mark.django_db
def test_admin_searches_the_log(admin_user, partnership):
    response = client_for(admin_user).get("/audit/", {"text": "agency.create"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Test Police" in body
    assert "population.set" not in body  # filtered out by the search
