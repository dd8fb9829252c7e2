"""Small helpers the assurance and delivery views share: saving a form through a service with
conflict and validation handling, and CSV/Excel export of a list."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lineofsight.lib.exports import export_response
from lineofsight.lib.versioning import EditConflict

EXPORT_FORMATS = ("csv", "xlsx")


def run_service(form: forms.Form, call: Callable[[], Any]) -> tuple[Any, int]:
    """Call the service; on a conflict or a validation error, put the message on the form.

    Returns ``(result, status)``: status 200 when saved, 409 on an edit conflict (the form
    keeps what the person typed and now carries the stored version, so nothing is lost), 400 on
    a validation error.
    """
    try:
        return call(), 200
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        current = type(conflict.instance)._default_manager.filter(pk=conflict.instance.pk)
        version = current.values_list("version", flat=True).first()
        if version is not None and "version" in form.fields:
            data = form.data.copy()
            data["version"] = str(version)
            form.data = data
        return None, 409
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                form.add_error(name if name in form.fields else None, messages)
        else:
            form.add_error(None, error.messages)
        return None, 400


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


def export_if_asked(
    request: HttpRequest, name: str, header: Sequence[str], rows: Callable[[], Iterable[Sequence]]
) -> HttpResponse | None:
    export_format = request.GET.get("format", "")
    if export_format in EXPORT_FORMATS:
        return export_response(export_format, name, header, rows())
    return None


def export_links(request: HttpRequest) -> dict[str, str]:
    params = request.GET.copy()
    params.pop("page", None)
    links = {}
    for export_format in EXPORT_FORMATS:
        params["format"] = export_format
        links[export_format] = "?" + params.urlencode()
    return links
