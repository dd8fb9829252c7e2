"""The form page the assurance and delivery views share (``assurance/form.html``).

Saving through a service is ``lineofsight.lib.formviews``; lists and exports ``lib.listing``."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_form(
    request: HttpRequest,
    form: forms.Form,
    *,
    title: str,
    back_url: str,
    status: int = 200,
    intro: str = "",
    submit: str = "Save",
    caption: str = "",
) -> HttpResponse:
    return render(
        request,
        "assurance/form.html",
        {
            "form": form,
            "title": title,
            "back_url": back_url,
            "intro": intro,
            "submit": submit,
            "caption": caption,
        },
        status=status,
    )
