from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lineofsight.partnership.access import SignedInRequest, public, signed_in
from lineofsight.partnership.context import navigation
from lineofsight.partnership.home_panels import home_panels


@signed_in
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    sections = [item for item in navigation(request) if item["href"] != request.path]
    return render(
        request,
        "partnership/home.html",
        {"sections": sections, "panels": home_panels(request)},
    )


@public
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "partnership/accessibility.html")


@public
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})
