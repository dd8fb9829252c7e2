"""Accessible error pages (GOV.UK patterns) for 400, 403, 404 and 500."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

PAGES = {
    400: ("There is a problem with your request", ["Check the address or form and try again."]),
    403: (
        "You do not have access to this page",
        [
            "Your role or agency does not give you access to this page.",
            "If you think you should have access, contact your partnership administrator.",
        ],
    ),
    404: (
        "Page not found",
        [
            "If you typed the web address, check it is correct.",
            "If you pasted the web address, check you copied the entire address.",
        ],
    ),
    500: ("Sorry, there is a problem with the service", ["Try again later."]),
}


def render_error(request: HttpRequest, status: int) -> HttpResponse:
    heading, paragraphs = PAGES[status]
    body: str
    try:
        body = render_to_string(
            "error.html", {"heading": heading, "paragraphs": paragraphs}, request=request
        )
    except Exception:  # noqa: BLE001 - the error page must render even when the site cannot
        body = f"<!DOCTYPE html><html lang='en'><title>{heading}</title><h1>{heading}</h1></html>"
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render_error(request, 400)


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render_error(request, 403)


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render_error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render_error(request, 500)
