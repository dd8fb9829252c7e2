"""Helpers that prove a view refuses people who should not reach it."""

from __future__ import annotations

from django.test import Client

from lineofsight.partnership.models import User
from lineofsight.testing.fixtures import client_for


def assert_outsider_refused(
    outsider: User, url: str, method: str = "get", data: dict | None = None
) -> None:
    """An anonymous visitor is sent to sign in; a signed-in outsider gets 403 or 404."""
    anonymous = getattr(Client(), method)(url, data or {})
    assert anonymous.status_code == 302, (
        f"anonymous {method.upper()} {url} gave {anonymous.status_code}"
    )
    assert "/accounts/sign-in/" in anonymous["Location"]
    response = getattr(client_for(outsider), method)(url, data or {})
    assert response.status_code in (403, 404), (
        f"outsider {method.upper()} {url} gave {response.status_code}, expected 403/404"
    )
