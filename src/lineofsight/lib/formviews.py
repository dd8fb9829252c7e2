"""Form pages that save through a service: validation errors onto the form, edit conflicts -> 409.

``submit`` runs the POST half of a create or edit page::

    outcome = submit(request, form, lambda data, version: services.update_thing(
        actor=request.user, thing=thing, expected_version=version, **data))
    if outcome.saved:
        return redirect(outcome.result)
    return render(request, "thing/form.html", {"form": form}, status=outcome.status)

``save`` gets the form's cleaned data without its ``version`` field, and that version (``None``
for a form without one).  An ``EditConflict`` (``lib.versioning``) answers 409 with the message
on the form and what the person typed kept; a ``ValidationError`` from the service goes onto the
form's fields (or the top of the form) like the form's own errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from lineofsight.lib.versioning import EditConflict

CONFLICT = 409


class Submission(NamedTuple):
    saved: bool
    result: Any
    status: int


def add_validation_error(form: forms.Form, error: ValidationError) -> None:
    """A service's ValidationError on the form: on the field it names, else at the top."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def add_conflict_error(form: forms.Form, conflict: EditConflict, *, refresh_version: bool) -> None:
    """The conflict message at the top of the form.  With ``refresh_version`` the form's hidden
    version becomes the stored one, so that saving again (after checking) is not refused."""
    form.add_error(None, str(conflict))
    if not refresh_version:
        return
    current = type(conflict.instance)._default_manager.filter(pk=conflict.instance.pk)
    version = current.values_list("version", flat=True).first()
    if version is not None and "version" in form.fields:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict: both copy
        data["version"] = str(version)
        form.data = data


def run_service(
    form: forms.Form,
    call: Callable[[], Any],
    *,
    invalid_status: int = 400,
    refresh_version: bool = True,
) -> tuple[Any, int]:
    """Call the service; on a conflict or a validation error, put the message on the form.

    Returns ``(result, 200)`` when saved, ``(None, 409)`` on an edit conflict (the form keeps
    what the person typed) and ``(None, invalid_status)`` on a validation error.
    """
    outcome = _run(form, call, invalid_status=invalid_status, refresh_version=refresh_version)
    return outcome.result, outcome.status


def submit(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    invalid_status: int = 400,
    refresh_version: bool = True,
) -> Submission:
    """On a POST with a valid form, ``save(data, version)`` through ``run_service`` rules.

    ``Submission(saved, result, status)``: a GET is ``(False, None, 200)``, an invalid form
    ``(False, None, invalid_status)``.
    """
    if request.method != "POST":
        return Submission(False, None, 200)
    if not form.is_valid():
        return Submission(False, None, invalid_status)
    data = dict(form.cleaned_data)
    version = data.pop("version", None)
    return _run(
        form,
        lambda: save(data, version),
        invalid_status=invalid_status,
        refresh_version=refresh_version,
    )


def _run(
    form: forms.Form, call: Callable[[], Any], *, invalid_status: int, refresh_version: bool
) -> Submission:
    try:
        result = call()
    except EditConflict as conflict:
        add_conflict_error(form, conflict, refresh_version=refresh_version)
        return Submission(False, None, CONFLICT)
    except ValidationError as error:
        add_validation_error(form, error)
        return Submission(False, None, invalid_status)
    return Submission(True, result, 200)


def render_form_page(
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
    """The shared one-form page (``form_page.html``): error summary, caption, heading, fields."""
    return render(
        request,
        "form_page.html",
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


def form_page(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    submit_label: str = "Save",
    success_url: str = "",
    **page: Any,
) -> HttpResponse:
    """A whole one-form page: ``submit`` then, when saved, a redirect to ``success_url`` or else
    the saved record (``get_absolute_url``); otherwise the page (``render_form_page`` keywords:
    ``title``, ``back_url``, ``caption``, ``intro``) with the status rule (invalid 400, conflict
    409)."""
    outcome = submit(request, form, save)
    if outcome.saved:
        return redirect(success_url or outcome.result.get_absolute_url())
    return render_form_page(request, form, submit=submit_label, status=outcome.status, **page)


def form_page_then(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    done: Callable[[Any], tuple[str, Any]],
    **page: Any,
) -> HttpResponse:
    """A whole one-form page whose success is told: ``submit``; when saved, ``done(result)``
    gives the message shown on the next page and where to go (a URL or a record); otherwise the
    page (``render_form_page`` keywords) with the status rule (invalid 400, conflict 409)."""
    outcome = submit(request, form, save)
    if outcome.saved:
        message, target = done(outcome.result)
        messages.success(request, message)
        return redirect(target)
    return render_form_page(request, form, status=outcome.status, **page)
