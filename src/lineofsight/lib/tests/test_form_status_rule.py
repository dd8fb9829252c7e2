"""Issue 9: one form-page rule (``lib.formviews``): an invalid form answers 400 with the GOV.UK
error summary, in every app.  The create pages of each learning app are walked here; the edit
pages share the same helper (``submit``/``form_page``) and their conflicts answer 409
(``lib/tests/test_formviews.py`` and the apps' own tests)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for

CREATE_PAGES = [
    "actions:create",
    "reviews:create",
    "delivery:plan_create",
    "assurance:audit_create",
    "assurance:section11_round_create",
    "assurance:challenge_create",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", CREATE_PAGES)
def test_an_invalid_post_answers_400_with_the_error_summary(name, partnership, make_user):
    client = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    # a POST with every field blank (a wholly empty body leaves ``request.POST or None`` unbound)
    response = client.post(reverse(name), {"blank": ""})
    assert response.status_code == 400, name
    assert "govuk-error-summary" in response.content.decode(), name
