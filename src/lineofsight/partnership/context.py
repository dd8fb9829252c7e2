"""Template context shared by every page: the partnership's name and the user's navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from lineofsight.partnership.access import has_permission
from lineofsight.partnership.middleware import partnership_of

# (label, url name, permission needed) - shown only to users holding the permission.
NAVIGATION: list[tuple[str, str, str | None]] = [
    ("Home", "home", None),
    ("Performance", "performance:overview", "performance.view"),
    ("Data", "datasets:list", "datasets.view"),
    ("Learning", "learning:home", "learning.view"),
    ("Actions", "actions:list", "learning.view"),
    ("LADO", "lado:list", "lado.statistics"),
    ("Child deaths", "cdop:list", "cdop.statistics"),
    ("Training", "workforce:list", "workforce.manage"),
    ("Governance", "governance:home", "governance.view"),
    ("Reports", "reports:list", "reports.view"),
    ("Report narratives", "reports:narratives", "reports.narrate"),
    ("Voice and scrutiny", "voice:home", "voice.view"),
    ("Audit log", "audit:search", "audit.view"),
    ("Administration", "administration:index", "partnership.manage"),
]


def installed_navigation() -> list[tuple[str, str, str | None]]:
    """(label, address, permission) of each navigation item whose part of the system is
    installed."""
    items = []
    for label, name, permission in NAVIGATION:
        try:
            items.append((label, reverse(name), permission))
        except NoReverseMatch:
            continue  # that part of the system is not installed
    return items


def navigation(request: HttpRequest) -> list[dict[str, Any]]:
    if not request.user.is_authenticated:
        return []
    items = []
    for label, href, permission in installed_navigation():
        if permission and not has_permission(request.user, permission):
            continue
        active = request.path == href or (href != "/" and request.path.startswith(href))
        items.append({"text": label, "href": href, "active": active})
    return items


def site(request: HttpRequest) -> dict[str, Any]:
    partnership = partnership_of(request)
    return {
        "partnership": partnership,
        "service_name": partnership.name if partnership else "Line of Sight",
        "navigation": navigation(request),
        "csp_nonce": getattr(request, "csp_nonce", None),
    }
