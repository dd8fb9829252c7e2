"""GOV.UK error messages: every required field in every form says what to do in its own words
("Enter the date the local authority became aware"), never Django's "This field is required."."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import lineofsight

GENERIC = str(forms.Field.default_error_messages["required"])


def all_form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for module_info in pkgutil.walk_packages(lineofsight.__path__, "lineofsight."):
        if module_info.name.rsplit(".", 1)[-1] != "forms":
            continue
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def required_fields(form_class: type[forms.BaseForm]) -> dict[str, forms.Field]:
    """The class's declared required fields, plus those an instance makes required (when the
    form can be built without arguments)."""
    fields = {n: f for n, f in form_class.base_fields.items() if f.required}
    try:
        instance = form_class()
    except TypeError:  # needs a request, partnership...: its declared fields are checked
        return fields
    fields.update({n: f for n, f in instance.fields.items() if f.required})
    return fields


def test_the_walk_finds_the_forms_people_meet():
    names = {cls.__name__ for cls in all_form_classes()}
    assert {"SignInForm", "IncidentForm", "ActionForm", "ActionUpdateForm", "UploadForm"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", all_form_classes(), ids=lambda cls: cls.__qualname__)
def test_every_required_field_has_its_own_message(form_class):
    for name, field in required_fields(form_class).items():
        message = str(field.error_messages["required"])
        assert message != GENERIC, f"{form_class.__name__}.{name} says {GENERIC!r}"
        assert message.split()[0] in {"Enter", "Select", "This"}, (form_class.__name__, name)


def test_sign_in_names_the_missing_field():
    from django.test import RequestFactory

    from lineofsight.accounts.forms import SignInForm

    form = SignInForm(RequestFactory().post("/"), data={"username": "", "password": ""})
    assert not form.is_valid()
    assert form.errors == {
        "username": ["Enter your username"],
        "password": ["Enter your password"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,expected",
    [
        ("/accounts/sign-in/", ["Enter your username", "Enter your password"]),
        (
            "/reviews/new/",
            [
                "Enter a pseudonymous reference, for example Child M",
                "Select what happened",
                "Enter the date the local authority became aware",
            ],
        ),
        (
            "/actions/new/",
            [
                "Enter the action",
                "Select where the action comes from",
                "Select the agency that owns the action",
                "Enter the date the action is due",
            ],
        ),
    ],
)
def test_an_empty_form_names_each_missing_field_on_the_page(url, expected, admin_user):
    from django.test import Client

    from lineofsight.testing.fixtures import client_for

    client = Client() if url.startswith("/accounts/") else client_for(admin_user)
    # a browser always sends the CSRF token, so the form is bound even with every field empty
    page = client.post(url, {"csrfmiddlewaretoken": "x"}).content.decode()
    assert "There is a problem" in page
    assert GENERIC not in page
    for message in expected:
        assert message in page, message
