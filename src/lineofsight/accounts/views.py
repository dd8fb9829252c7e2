from __future__ import annotations

import base64
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from markupsafe import Markup

from lineofsight.accounts import services
from lineofsight.accounts.forms import SignInForm, TokenForm
from lineofsight.partnership.access import public, signed_in


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return settings.LOGIN_REDIRECT_URL


@public
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid() and form.user is not None:
        login(request, form.user)
        return redirect(_next_url(request))
    return render(request, "accounts/sign_in.html", {"form": form, "next": _next_url(request)})


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    """django-axes calls this when a username and address have too many failed sign-ins."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes},
        status=429,
    )


@signed_in
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


def _qr_svg(config_url: str) -> Markup:
    image = qrcode.make(config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1))  # noqa: S704


@signed_in
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = user.totpdevice_set.filter(confirmed=False).first()
    if device is None or request.method == "GET":
        device = services.start_two_factor_setup(user)
    form = TokenForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.confirm_two_factor(user, device, form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", "The security code is not right. Check your app and try again")
    context = {
        "form": form,
        "qr": _qr_svg(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@signed_in
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in request.user.totpdevice_set.filter(confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next_url(request))
        form.add_error("token", "The security code is not right. Check your app and try again")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})
