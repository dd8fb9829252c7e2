"""Deny by default: every view declares who may reach it, or nobody can.

- ``@public`` - anyone, signed in or not (login page, health check).
- ``@signed_in`` - any signed-in user (home page, sign out).
- ``@requires("perm")`` - signed-in users holding a role that grants ``perm``
  (see ``roles.PERMISSIONS``).

``DenyByDefaultMiddleware`` enforces the declaration before the view runs: an undeclared view
answers 403, an anonymous user is sent to sign in, a user without the permission gets 403.
Object-level scoping (which agency's records a user sees) is the selectors' job.

A view declared ``@signed_in`` or ``@requires`` annotates its request as ``SignedInRequest``: the
middleware has sent anonymous users to sign in, so ``request.user`` is a ``User`` and
``request.partnership`` (``partnership.middleware``) is set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from lineofsight.partnership.actors import is_system, require_actor
from lineofsight.partnership.models import Partnership, User
from lineofsight.partnership.roles import roles_with


class SignedInRequest(HttpRequest):
    """The request a ``@signed_in`` or ``@requires`` view receives (for type checking: the class
    is never instantiated).  ``DenyByDefaultMiddleware`` let only a signed-in user through, and
    ``PartnershipMiddleware`` set the partnership (a signed-in user's agency belongs to it)."""

    user: User
    partnership: Partnership


View = TypeVar("View", bound=Callable[..., Any])
ATTRIBUTE = "lineofsight_access"


@dataclass(frozen=True)
class Access:
    public: bool = False
    permission: str | None = None


def _declare(view: View, access: Access) -> View:
    target = getattr(view, "view_class", view)
    setattr(target, ATTRIBUTE, access)
    if target is not view:
        setattr(view, ATTRIBUTE, access)
    return view


def public(view: View) -> View:
    return _declare(view, Access(public=True))


def signed_in(view: View) -> View:
    return _declare(view, Access())


def requires(permission: str) -> Callable[[View], View]:
    roles_with(permission)  # fail at import time on a misspelt permission

    def decorate(view: View) -> View:
        return _declare(view, Access(permission=permission))

    return decorate


def access_of(view_func: Callable[..., Any]) -> Access | None:
    access = getattr(view_func, ATTRIBUTE, None)
    if access is None and hasattr(view_func, "view_class"):
        access = getattr(view_func.view_class, ATTRIBUTE, None)
    return access


def has_permission(user: Any, permission: str) -> bool:
    """``SYSTEM`` holds every permission; ``None`` raises ``MissingActor``."""
    require_actor(user)
    if is_system(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.role_set() & roles_with(permission))


def partnership_id_along(record: Any, *paths: str) -> int | None:
    """The partnership of ``record``: the first of the dotted ``paths`` (``"group.partnership_id"``)
    that leads to a value, or ``None``."""
    for path in paths:
        value: Any = record
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                break
        if value is not None:
            return int(value)
    return None


def in_partnership(user: Any, record: Any, partnership_id: Callable[[Any], int | None]) -> bool:
    """Tenancy: ``record`` (if any) belongs to ``user``'s partnership (``partnership_id`` finds
    the record's); ``SYSTEM`` is in every partnership."""
    if is_system(user) or record is None:
        return True
    agency = getattr(user, "agency", None)
    return agency is not None and agency.partnership_id == partnership_id(record)


def check_permission(user: Any, permission: str) -> None:
    """For services and selectors: ``PermissionDenied`` unless ``user`` holds ``permission``."""
    if not has_permission(user, permission):
        raise PermissionDenied(permission)


def scoped_partnership_id(user: Any, allowed: bool, permission: str) -> int:
    """For selectors: the partnership ``user``'s reads are scoped to (their agency's);
    ``PermissionDenied(permission)`` unless ``allowed`` (the app's policy) and in an agency."""
    if not allowed or getattr(user, "agency", None) is None:
        raise PermissionDenied(permission)
    return int(user.agency.partnership_id)


class ViewMiddleware:
    """A middleware that acts only when a view is about to run (``process_view``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


class DenyByDefaultMiddleware(ViewMiddleware):
    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        access = access_of(view_func)
        if access is None:
            if (
                getattr(view_func, "__module__", "").startswith("django.views.static")
                and settings.DEBUG
            ):
                return None
            raise PermissionDenied("This page declares no access rule")
        if access.public:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if access.permission and not has_permission(request.user, access.permission):
            raise PermissionDenied(access.permission)
        return None
