"""Optimistic locking: two people editing one record cannot silently overwrite each other.

A versioned model carries a ``version`` number.  An edit form carries the version it was loaded
with; ``save_if_unchanged`` writes only if the stored version is still that one (a single
conditional UPDATE, so it is safe under concurrency) and bumps it, else raises ``EditConflict``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models


class EditConflict(Exception):
    """Someone else saved the record after this edit began."""

    def __init__(self, instance: models.Model) -> None:
        self.instance = instance
        name = str(instance._meta.verbose_name)
        super().__init__(
            f"{name.capitalize()} was changed by someone else while you "
            "were editing it. Your changes have not been saved: check the latest version and "
            "make your changes again."
        )


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def save_if_unchanged(
    instance: Versioned, expected_version: int, fields: list[str] | None = None
) -> None:
    """Save ``instance`` if its stored version is ``expected_version``; bump the version."""
    model = type(instance)
    names = fields or [
        f.attname for f in model._meta.concrete_fields if not f.primary_key and f.name != "version"
    ]
    values: dict[str, Any] = {name: getattr(instance, name) for name in names}
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=expected_version + 1, **values
    )
    if updated != 1:
        raise EditConflict(instance)
    instance.version = expected_version + 1


class VersionField(forms.IntegerField):
    """The hidden field an edit form carries: the version the record had when the form opened."""

    widget = forms.HiddenInput
    default_error_messages = {
        "required": "This page was missing the record's version: reload it and make your change "
        "again",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, **kwargs)
