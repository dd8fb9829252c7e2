"""Signed-in responses are never cached; two-factor authentication is required, when switched
on, for roles that see personal or confidential data (``roles.TWO_FACTOR_ROLES``)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

EXEMPT_URL_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout")


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
