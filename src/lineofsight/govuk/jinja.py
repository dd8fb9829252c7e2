"""The Jinja2 environment: GOV.UK Frontend macros, Django helpers and our form-field renderers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from lineofsight.govuk import fields, formatting


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options: Any) -> Environment:
    # Django passes a FileSystemLoader over the apps' jinja2/ folders; the GOV.UK macros are
    # found under their package name, as their own templates import them.
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.globals.update(
        {
            "static": static,
            "url": url,
            "get_messages": messages.get_messages,
            "field": fields.render_field,
            "error_summary": fields.render_error_summary,
            "max_upload_mb": settings.MAX_UPLOAD_MB,
        }
    )
    env.filters.update(
        {
            "number": formatting.number,
            "count": formatting.count,
            "percent": formatting.percent,
            "date_uk": formatting.date_uk,
            "datetime_uk": formatting.datetime_uk,
        }
    )
    return env
