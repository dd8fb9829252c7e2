"""Fields and constraints many apps' models declare the same way, each said once here.

- ``partnership_key("audits")``: the record's partnership (its tenancy), deleted with it unless
  ``on_delete=models.PROTECT`` is asked for.
- ``person_key()``: a person who did something to the record (an author, an approver); kept as
  empty if the person's account is removed (``on_delete=models.PROTECT`` where it must not be).
- ``unique("partnership", "reference", name=...)``: the rule "one record per ..." as a
  ``UniqueConstraint`` in ``Meta.constraints``.
- ``Meta = numbered_within("meeting", name=...)``: the ``Meta`` of a record numbered within its
  parent (an agenda item, a recommendation): in the parent's order, then by number, each number
  once.
- ``HasPage``: a record with a page of its own, named by ``url_name`` (its ``get_absolute_url``).

Each returns the plain Django field or constraint, so migrations see exactly what a model would
have declared itself (``makemigrations --check`` stays clean).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse

if TYPE_CHECKING:
    from lineofsight.partnership.models import Partnership, User

OnDelete = Any  # django's on_delete handlers (models.CASCADE, models.PROTECT, ...)


def partnership_key(
    related_name: str, *, on_delete: OnDelete = models.CASCADE
) -> models.ForeignKey[Partnership, Partnership]:
    """The partnership a record belongs to (``related_name`` names the records on it)."""
    return models.ForeignKey(
        "partnership.Partnership", on_delete=on_delete, related_name=related_name
    )


def person_key(
    *, on_delete: OnDelete = models.SET_NULL, related_name: str = "+"
) -> models.ForeignKey[User | None, User | None]:
    """The person who wrote, set or approved a record; optional (the system acts as nobody)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
    )


def unique(*fields: str, name: str) -> models.UniqueConstraint:
    """At most one row for each combination of ``fields`` (``Meta.constraints``)."""
    return models.UniqueConstraint(fields=list(fields), name=name)


def numbered_within(parent: str, *, name: str) -> type:
    """The ``Meta`` of a record numbered within ``parent``: ordered by it and then by ``number``;
    a number used once per parent (the constraint ``name``)."""

    class Meta:
        ordering = [parent, "number"]
        constraints = [unique(parent, "number", name=name)]

    return Meta


class HasPage(models.Model):
    """A record with a page of its own: ``url_name`` names the URL, which takes the record's pk.

    An abstract base with no fields: it changes nothing in the database or the migrations.
    """

    url_name: ClassVar[str]

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse(self.url_name, args=[self.pk])
