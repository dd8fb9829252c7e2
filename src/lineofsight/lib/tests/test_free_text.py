"""Issue 8 item 13: one free-text guard, used by every app's forms that save text."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from django import forms

import lineofsight
from lineofsight.lib.free_text import GUARDED_FORMS, FreeTextGuard, no_identifiers
from lineofsight.synth.identifiers import la_child_id, make_upn

IDENTIFIERS = {
    "UPN": make_upn("371", 2001, 15, 123),
    "NHS number": "943 476 5919",
    "LA child id": la_child_id("371", 12),
    "postcode": "DN1 1AA",
}
ATTACKS = {
    "UPN": f"Pupil {IDENTIFIERS['UPN']} was excluded",
    "NHS number": f"Seen by the GP, NHS {IDENTIFIERS['NHS number']}",
    "LA child id": f"Case {IDENTIFIERS['LA child id']} stepped down",
    "postcode": f"Family moved to {IDENTIFIERS['postcode']} in May",
}
CLEAN = "Child M was seen within 5 working days"

# Forms that are never saved (search and filter boxes, sign-in) need no guard.
NOT_SAVED = ("FilterForm", "SearchForm", "SignInForm", "TokenForm", "PeriodForm", "UploadForm",
             "ForgottenPasswordForm")  # fmt: skip


def _app_forms() -> list[type[forms.BaseForm]]:
    found: list[type[forms.BaseForm]] = []
    for module in pkgutil.iter_modules(lineofsight.__path__):
        try:
            forms_module = importlib.import_module(f"lineofsight.{module.name}.forms")
        except ModuleNotFoundError:
            continue
        for _, cls in inspect.getmembers(forms_module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == forms_module.__name__:
                found.append(cls)
    return found


def _dotted(cls: Any) -> str:
    return f"{cls.__module__}.{cls.__name__}"


APP_FORMS = _app_forms()  # imported now, so GUARDED_FORMS is complete when tests are collected


def _build(cls: type[forms.BaseForm], data: dict[str, str]) -> forms.BaseForm:
    """An instance, with None for any keyword-only argument its __init__ demands."""
    needed: dict[str, Any] = {
        name: None
        for name, param in inspect.signature(cls.__init__).parameters.items()
        if param.kind is param.KEYWORD_ONLY and param.default is param.empty
    }
    return cls(data, **needed)


def test_every_form_that_saves_text_uses_the_guard():
    unguarded = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in APP_FORMS
        if not cls.__name__.endswith(NOT_SAVED)
        and any(isinstance(f, forms.CharField) for f in cls.base_fields.values())
        and not issubclass(cls, FreeTextGuard)
    ]
    assert unguarded == []


def test_the_guard_is_used_in_every_learning_app():
    apps = {cls.__module__.split(".")[1] for cls in GUARDED_FORMS}
    assert {"reviews", "actions", "assurance", "delivery", "performance"} <= apps


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(ATTACKS))
@pytest.mark.parametrize("cls", sorted(GUARDED_FORMS, key=_dotted), ids=str)
def test_each_guarded_form_refuses_each_identifier_in_each_text_field(cls, kind):
    probe = _build(cls, {})
    fields = probe.guarded_fields()
    assert fields, f"{cls.__name__} has no text field to guard"
    for name in fields:
        limit = probe.fields[name].max_length or 10_000
        if len(IDENTIFIERS[kind]) > limit:
            continue  # too short to hold one ("a", "b" references)
        attack = ATTACKS[kind] if len(ATTACKS[kind]) <= limit else IDENTIFIERS[kind]
        form = _build(cls, {name: attack})
        form.is_valid()
        codes = [e.code for e in form.errors.as_data().get(name, [])]
        # refused by the shared guard, or first by a stricter pseudonymous-reference rule
        assert {"identifier", "not_pseudonymous"} & set(codes), f"{cls.__name__}.{name}: {kind}"
        if "identifier" in codes:
            assert kind in str(form.errors[name])
        clean = _build(cls, {name: CLEAN})
        clean.is_valid()
        assert "identifier" not in [e.code for e in clean.errors.as_data().get(name, [])]


def test_the_validator_on_its_own():
    no_identifiers(CLEAN)
    for text in ATTACKS.values():
        with pytest.raises(forms.ValidationError):
            no_identifiers(text)
