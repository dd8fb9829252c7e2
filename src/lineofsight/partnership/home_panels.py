"""Panels on the home page that other apps add (a CDOP coordinator's open cases, a LADO's
allegations awaiting a decision...), so the home page needs no change when a module arrives.

An app registers a panel in its ``AppConfig.ready()``::

    from lineofsight.partnership.home_panels import register_home_panel

    register_home_panel("cdop", permission="cdop.view", template="cdop/home_panel.html",
                        context=lambda request: {"rows": selectors.case_rows(request.user)})

The home page renders, in ``order``, each panel whose permission the user holds; ``context``
returns the template's values, or ``None`` to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from lineofsight.partnership.access import SignedInRequest, has_permission
from lineofsight.partnership.roles import roles_with


@dataclass(frozen=True)
class HomePanel:
    key: str
    permission: str
    template: str
    context: Callable[[SignedInRequest], dict[str, Any] | None]
    order: int = 50


_PANELS: dict[str, HomePanel] = {}


def register_home_panel(
    key: str,
    *,
    permission: str,
    template: str,
    context: Callable[[SignedInRequest], dict[str, Any] | None],
    order: int = 50,
) -> None:
    roles_with(permission)  # a misspelt permission fails at start-up
    _PANELS[key] = HomePanel(key, permission, template, context, order)


def home_panels(request: SignedInRequest) -> list[SafeString]:
    """The rendered panels the signed-in user may see."""
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        if not has_permission(request.user, panel.permission):
            continue
        values = panel.context(request)
        if values is not None:
            html = render_to_string(panel.template, values, request=request)
            shown.append(mark_safe(html))  # noqa: S308 - a template rendered with autoescape
    return shown


PANEL_TEMPLATE = "partnership/_panel.html"


def panel(
    key: str,
    heading: str,
    rows: list[dict[str, Any]],
    *,
    empty: str,
    more: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The context of the shared list panel (``PANEL_TEMPLATE``): rows are dicts with ``text``
    and optionally ``href``, ``tag``, ``colour`` (a GOV.UK tag colour) and ``detail``."""
    return {"key": key, "heading": heading, "rows": rows, "empty": empty, "more": more}
