from types import SimpleNamespace

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from lineofsight.lib import formviews
from lineofsight.lib.formviews import (
    Submission,
    add_validation_error,
    run_service,
    submit,
)
from lineofsight.lib.versioning import EditConflict, VersionField


class NoteForm(forms.Form):
    text = forms.CharField()
    version = VersionField()


class Stored:
    """Stands in for a versioned model: its manager reports the stored version."""

    class _meta:  # noqa: N801 - what EditConflict reads
        verbose_name = "note"

    pk = 7
    stored_version = 5

    class _default_manager:  # noqa: N801
        @staticmethod
        def filter(pk):
            values = [Stored.stored_version] if pk == Stored.pk else []
            return SimpleNamespace(
                values_list=lambda *a, **k: SimpleNamespace(
                    first=lambda: values[0] if values else None
                )
            )


def _post(data):
    return RequestFactory().post("/", data)


def _conflict(*_args):
    raise EditConflict(Stored())


def test_get_does_not_save():
    form = NoteForm(None)
    outcome = submit(RequestFactory().get("/"), form, lambda data, version: pytest.fail("saved"))
    assert outcome == Submission(False, None, 200)


def test_valid_post_saves_data_without_version_and_passes_the_version():
    calls = []
    form = NoteForm({"text": "hello", "version": "3"})
    outcome = submit(_post({}), form, lambda data, version: calls.append((data, version)) or "ok")
    assert calls == [({"text": "hello"}, 3)]
    assert outcome == Submission(True, "ok", 200)


def test_a_save_returning_none_still_counts_as_saved():
    form = NoteForm({"text": "x", "version": "1"})
    assert submit(_post({}), form, lambda data, version: None).saved


def test_invalid_form_is_not_saved_and_gets_the_invalid_status():
    form = NoteForm({"text": "", "version": "1"})
    assert submit(_post({}), form, lambda d, v: pytest.fail("saved")).status == 400
    form = NoteForm({"text": "", "version": "1"})
    assert submit(_post({}), form, lambda d, v: None, invalid_status=200).status == 200


def test_conflict_is_409_keeps_the_input_and_refreshes_the_version():
    form = NoteForm({"text": "mine", "version": "1"})
    outcome = submit(_post({}), form, _conflict)
    assert outcome == Submission(False, None, 409)
    assert "changed by someone else" in form.non_field_errors()[0]
    assert form.data["text"] == "mine" and form.data["version"] == "5"


def test_conflict_can_keep_the_version_the_form_was_loaded_with():
    form = NoteForm({"text": "mine", "version": "1"})
    outcome = submit(_post({}), form, _conflict, refresh_version=False)
    assert outcome.status == 409
    assert form.data["version"] == "1" and form.non_field_errors()


def test_service_validation_errors_go_on_their_fields_or_the_top():
    form = NoteForm({"text": "x", "version": "1"})

    def save(data, version):
        raise ValidationError({"text": "Too short", "other": "Not a field here"})

    outcome = submit(_post({}), form, save)
    assert outcome.status == 400
    assert form.errors["text"] == ["Too short"]
    assert form.non_field_errors() == ["Not a field here"]


def test_add_validation_error_without_fields():
    form = NoteForm({"text": "x", "version": "1"})
    form.is_valid()
    add_validation_error(form, ValidationError(["One", "Two"]))
    assert form.non_field_errors() == ["One", "Two"]


def test_run_service_returns_result_and_status():
    form = NoteForm({"text": "x", "version": "1"})
    form.is_valid()
    assert run_service(form, lambda: "saved") == ("saved", 200)
    assert run_service(form, lambda: _conflict()) == (None, 409)
    assert formviews.CONFLICT == 409
