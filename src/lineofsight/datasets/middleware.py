"""Refuse an oversized request before any of its body is read (before CSRF parses the form)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class UploadSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.MAX_UPLOAD_MB * 1024 * 1024
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.method == "POST" and length > limit:
            return render(
                request,
                "datasets/too_large.html",
                {"limit_mb": settings.MAX_UPLOAD_MB, "size_mb": round(length / 1024 / 1024, 1)},
                status=413,
            )
        return self.get_response(request)
