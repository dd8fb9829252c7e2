"""Two-factor authentication is required, when switched on, for roles that see child-level data."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_URL_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout")


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
