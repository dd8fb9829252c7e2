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
- ``agency_key()``: an agency the record names (kept: an agency is retired, never deleted);
  ``agency_key(optional=True)`` where it may be empty.
- ``Meta = one_per_agency("meeting", name=...)``: the ``Meta`` of a row per agency within its
  parent (attendance, a grading, a contribution): by agency name, each agency once.
- ``HasPage``: a record with a page of its own, named by ``url_name`` (its ``get_absolute_url``).
- ``OnParentPage``: a record shown on its parent's page at an anchor (``#decision-3``).
- ``confidential_to("cdop.view", "notes", label="CDOP note")``: an ``audit_policy`` whose fields
  only holders of a permission read in the audit log.

Each returns the plain Django field or constraint, so migrations see exactly what a model would
have declared itself (``makemigrations --check`` stays clean).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, overload

from django.conf import settings
from django.db import models
from django.urls import reverse

from lineofsight.audit.disclosure import AuditPolicy

if TYPE_CHECKING:
    from lineofsight.partnership.models import Agency, Partnership, User

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


@overload
def agency_key(
    *, optional: Literal[False] = False, related_name: str = "+", **options: Any
) -> models.ForeignKey[Agency, Agency]: ...
@overload
def agency_key(
    *, optional: Literal[True], related_name: str = "+", **options: Any
) -> models.ForeignKey[Agency | None, Agency | None]: ...
def agency_key(*, optional: bool = False, related_name: str = "+", **options: Any) -> Any:
    """An agency the record is about or from; protected (agencies are retired, not deleted).

    ``optional`` lets it be empty (the whole partnership, or not known); ``options`` are the
    field's words (``verbose_name``, ``help_text``)."""
    if optional:
        options.update(null=True, blank=True)
    return models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name=related_name, **options
    )


def unique(*fields: str, name: str) -> models.UniqueConstraint:
    """At most one row for each combination of ``fields`` (``Meta.constraints``)."""
    return models.UniqueConstraint(fields=list(fields), name=name)


def numbered_within(parent: str, *, name: str) -> type[Any]:
    """The ``Meta`` of a record numbered within ``parent``: ordered by it and then by ``number``;
    a number used once per parent (the constraint ``name``)."""

    class Meta:
        ordering = [parent, "number"]
        constraints = [unique(parent, "number", name=name)]

    return Meta


def one_per_agency(parent: str, *, name: str) -> type[Any]:
    """The ``Meta`` of a row per agency within ``parent`` (a meeting's attendance, an audited
    case's gradings): listed by agency name, each agency once per parent (the constraint
    ``name``)."""

    class Meta:
        ordering = ["agency__name"]
        constraints = [unique(parent, "agency", name=name)]

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


class OnParentPage(models.Model):
    """A record shown on its parent's page rather than its own, at an anchor.

    ``parent_page = ("reviews:detail", "review")`` names the parent's URL and the foreign key to
    the parent; the anchor is ``anchor`` and the record's ``anchor_by`` field (``number``, or
    ``pk`` for records without one): ``/reviews/4/#recommendation-2``.  No fields: nothing
    changes in the database or the migrations.
    """

    parent_page: ClassVar[tuple[str, str]]
    anchor: ClassVar[str]
    anchor_by: ClassVar[str] = "number"

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        url_name, parent = self.parent_page
        page = reverse(url_name, args=[getattr(self, f"{parent}_id")])
        return f"{page}#{self.anchor}-{getattr(self, self.anchor_by)}"


def readable_by(permission: str) -> Callable[[Any, Mapping[str, Any]], bool]:
    """An ``AuditPolicy.may_read``: only holders of ``permission`` read the withheld values."""

    def may_read(user: Any, values: Mapping[str, Any]) -> bool:
        from lineofsight.partnership.access import has_permission

        return has_permission(user, permission)

    return may_read


def confidential_to(
    permission: str, *names: str, label: str = "", never: Iterable[str] = ()
) -> AuditPolicy:
    """An ``audit_policy``: the fields ``names`` are shown in the audit log only to holders of
    ``permission``; ``never`` are not written to it at all; a ``label`` names the record in the
    log as "<label> <pk>" (instead of ``str(record)``, which may carry what is withheld)."""
    return AuditPolicy(
        confidential=frozenset(names),
        may_read=readable_by(permission),
        never_logged=frozenset(never),
        describe=(lambda record: f"{label} {record.pk}") if label else None,
    )
