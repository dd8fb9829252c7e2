"""``Cache-Control: no-store`` on every signed-in page and every export (issue 8 item 10)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import client_for

SKIPPED = {"/accounts/sign-out/"}  # POST only


def _paths(patterns, prefix: str = "") -> list[str]:
    """Every URL of the site that takes no argument."""
    found: list[str] = []
    for pattern in patterns:
        route = str(pattern.pattern)
        if "<" in route or route.startswith("^"):
            continue
        if isinstance(pattern, URLResolver):
            found += _paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            found.append("/" + prefix + route)
    return sorted(set(found) - SKIPPED)


@pytest.mark.django_db
def test_every_signed_in_page_and_export_says_no_store(make_user, partnership):
    paths = _paths(get_resolver().url_patterns)
    assert "/audit/" in paths and len(paths) > 10
    checked = 0
    exports = 0
    for role in Role:
        client = client_for(make_user(role))
        for path in paths:
            for query in ("", "?format=csv"):
                response = client.get(path + query)
                if response.status_code in (403, 404, 405):
                    continue
                checked += 1
                exports += "attachment" in response.get("Content-Disposition", "")
                cache = response.get("Cache-Control", "")
                assert "no-store" in cache, f"{role} {path}{query}: Cache-Control {cache!r}"
    assert checked > 50 and exports >= 5


@pytest.mark.django_db
def test_public_pages_need_not_say_no_store(client):
    response = client.get("/accounts/sign-in/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_the_response_that_signs_someone_out_says_no_store(make_user):
    client = client_for(make_user(Role.BOARD_MEMBER))
    assert "no-store" in client.post("/accounts/sign-out/")["Cache-Control"]
