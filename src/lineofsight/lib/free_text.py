"""The one guard on free text that must not hold children's identifiers (see ADR 9).

``no_identifiers`` is a field/model validator; ``FreeTextGuard`` is a form mixin that applies it
to every text field of the form (fields added in ``__init__`` included), except the names in
``identifier_fields_allowed`` (search boxes, references checked by their own rule).  What counts
as an identifier is ``formats.identifiers`` (UPN, NHS number, LA child id, postcode).

It refuses, not warns: the form shows the error on the field and nothing is saved until the text
is changed (a warning to confirm would still let the identifier into the audit log).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

from lineofsight.formats.identifiers import identifier_problem

NOT_FREE_TEXT = (forms.URLField, forms.EmailField, forms.SlugField)  # long numbers are normal
GUARDED_FORMS: list[type[forms.Form]] = []  # every form using the guard (for the tests)


def no_identifiers(value: Any) -> None:
    """Validator: refuse text holding a UPN, NHS number, LA child id or postcode."""
    problem = identifier_problem(str(value or ""))
    if problem:
        raise ValidationError(problem, code="identifier")


class FreeTextGuard:
    """Mixin for ``forms.Form``: every text field (``CharField``, not URLs or e-mail addresses)
    is checked by ``no_identifiers``."""

    identifier_fields_allowed: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        GUARDED_FORMS.append(cls)  # type: ignore[arg-type]

    def guarded_fields(self) -> list[str]:
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        return [
            name
            for name, field in fields.items()
            if isinstance(field, forms.CharField)
            and not isinstance(field, NOT_FREE_TEXT)
            and name not in self.identifier_fields_allowed
        ]

    def _clean_fields(self) -> None:
        super()._clean_fields()  # type: ignore[misc]
        cleaned: dict[str, Any] = self.cleaned_data  # type: ignore[attr-defined]
        for name in self.guarded_fields():
            problem = identifier_problem(str(cleaned.get(name) or ""))
            if problem:
                self.add_error(name, ValidationError(problem, code="identifier"))  # type: ignore[attr-defined]
