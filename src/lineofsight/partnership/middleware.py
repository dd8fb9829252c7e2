"""The partnership this installation serves, set once per request as ``request.partnership``.

Views read ``request.partnership`` instead of querying for it; the template context
(``partnership.context.site``) uses the same value.  Set when a view is about to run (so a
static file or an unknown address costs no query).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from lineofsight.partnership.access import ViewMiddleware
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import current_partnership


class PartnershipMiddleware(ViewMiddleware):
    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        request.partnership = current_partnership()  # type: ignore[attr-defined]


def partnership_of(request: HttpRequest) -> Partnership | None:
    """``request.partnership`` (set by the middleware), or looked up for a request that did not
    pass through it (an error page rendered before any view)."""
    if not hasattr(request, "partnership"):
        request.partnership = current_partnership()  # type: ignore[attr-defined]
    return request.partnership  # type: ignore[attr-defined]
