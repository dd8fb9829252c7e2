"""Signed-in responses are never cached; two-factor authentication is required, when switched
on, for roles that see personal or confidential data (``roles.TWO_FACTOR_ROLES``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

EXEMPT_URL_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout")


TOUCHED_KEY = "_idle_touched"


class SlidingSessionMiddleware:
    """The idle timeout (``SESSION_COOKIE_AGE``) counts from a signed-in person's last request,
    but the session row is rewritten at most once per ``SESSION_REFRESH_SECONDS`` rather than on
    every request (Django's ``SESSION_SAVE_EVERY_REQUEST`` made each page view a database write
    and commit).  A session therefore ends between ``SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS``
    and ``SESSION_COOKIE_AGE`` after the last request.  Placed just after ``SessionMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated:
            return response
        now = int(time.time())
        if now - int(session.get(TOUCHED_KEY, 0)) >= settings.SESSION_REFRESH_SECONDS:
            session[TOUCHED_KEY] = now  # marks the session modified: saved with a new expiry
        return response


class NoStoreWhenSignedInMiddleware:
    """``Cache-Control: no-store`` (and the other never-cache headers) on every response to a
    signed-in user: pages and exports hold personal or confidential data that must not be kept by
    the browser's cache, a shared computer's disk or a proxy.  Also on the response that signs
    someone in or out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in_before = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in_before or request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: object, args: object, kwargs: object
    ) -> HttpResponse | None:
        user = request.user
        if not settings.REQUIRE_TWO_FACTOR or not user.is_authenticated:
            return None
        if not user.needs_two_factor or user.is_verified():
            return None
        if request.path in {reverse(name) for name in EXEMPT_URL_NAMES} or request.path.startswith(
            settings.STATIC_URL
        ):
            return None
        has_device = user.totpdevice_set.filter(confirmed=True).exists()
        target = "accounts:two_factor_verify" if has_device else "accounts:two_factor_setup"
        return redirect(reverse(target) + "?next=" + request.get_full_path())
