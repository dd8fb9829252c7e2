"""Form-field renderers: each turns a Django bound field into a GOV.UK Frontend macro call.

Templates call ``{{ field(form.name) }}`` (optionally with overrides, e.g. ``classes=...``) and
``{{ error_summary(form) }}``; which macro is used follows the field's widget.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from jinja2 import Environment, Template, pass_environment
from markupsafe import Markup


class DateWidget(forms.MultiWidget):
    """Day, month and year boxes (the GOV.UK date pattern)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        boxes: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput(attrs={"inputmode": "numeric"})
            for part in ("day", "month", "year")
        }
        super().__init__(boxes, attrs)

    def decompress(self, value: date | None) -> list[Any]:
        return [value.day, value.month, value.year] if value else [None, None, None]


def limit_choices(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer ``form``'s model choice field ``name`` (declared with ``queryset=None``) the records
    of ``queryset`` (usually the partnership's own)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a model choice field")
    field.queryset = queryset


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[Any, str]]) -> None:
    """Set the choices of ``form``'s choice field ``name`` (known only when the form is made)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a choice field")
    field.choices = choices


class GovukDateField(forms.MultiValueField):
    widget = DateWidget
    default_error_messages = {
        "invalid": "Enter a real date",
        "incomplete": "Enter a day, month and year",
    }

    def __init__(self, **kwargs: Any) -> None:
        parts = (forms.IntegerField(), forms.IntegerField(), forms.IntegerField())
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[int | None]) -> date | None:
        if not data_list or all(part in (None, "") for part in data_list):
            return None
        if any(part in (None, "") for part in data_list):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        day, month, year = data_list
        try:
            return date(int(year), int(month), int(day))  # type: ignore[arg-type]
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


@lru_cache(maxsize=32)
def _macro_template(env: Environment, component: str, macro: str) -> Template:
    return env.from_string(
        f'{{% from "govuk_frontend_jinja/components/{component}/macro.html" import {macro} %}}'
        f"{{{{ {macro}(params) }}}}"
    )


def call_macro(env: Environment, component: str, macro: str, params: dict[str, Any]) -> Markup:
    return Markup(_macro_template(env, component, macro).render(params=params))  # noqa: S704


class FieldRenderer:
    component: ClassVar[str] = "input"
    macro: ClassVar[str] = "govukInput"

    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params: dict[str, Any] = {
            "id": bf.id_for_label or bf.auto_id,
            "name": bf.html_name,
            "label": {"text": bf.label, "classes": "govuk-label--s"},
        }
        if bf.help_text:
            params["hint"] = {"text": str(bf.help_text)}
        if bf.errors:
            params["errorMessage"] = {"text": " ".join(str(e) for e in bf.errors)}
        return params

    def render(self, env: Environment, bf: forms.BoundField, overrides: dict[str, Any]) -> Markup:
        return call_macro(env, self.component, self.macro, {**self.params(bf), **overrides})


class InputRenderer(FieldRenderer):
    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params = super().params(bf)
        widget = bf.field.widget
        params["type"] = getattr(widget, "input_type", "text")
        value = bf.value()
        if value not in (None, "") and params["type"] != "password":
            params["value"] = str(value)
        autocomplete = widget.attrs.get("autocomplete")
        if autocomplete:
            params["autocomplete"] = autocomplete
        if widget.attrs.get("inputmode"):
            params["inputmode"] = widget.attrs["inputmode"]
        return params


class PasswordRenderer(InputRenderer):
    component = "password-input"
    macro = "govukPasswordInput"


class TextareaRenderer(FieldRenderer):
    component = "textarea"
    macro = "govukTextarea"

    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params = super().params(bf)
        if bf.value():
            params["value"] = str(bf.value())
        return params


def _label_as_legend(params: dict[str, Any]) -> None:
    """Radios, checkboxes and dates: a fieldset whose legend is the field's label."""
    label = params.pop("label")
    params["fieldset"] = {"legend": {"text": label["text"], "classes": "govuk-fieldset__legend--s"}}


def _choices(bf: forms.BoundField) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in bf.field.widget.choices]


def _selected(bf: forms.BoundField) -> set[str]:
    value = bf.value()
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return {str(value)}


def _items(bf: forms.BoundField, mark: str, *, with_empty: bool) -> list[dict[str, Any]]:
    """The field's choices as macro items, the chosen ones marked ``mark`` ("selected" or
    "checked"); ``with_empty=False`` leaves out an empty choice (a select's prompt)."""
    chosen = _selected(bf)
    return [
        {"value": value, "text": label, mark: value in chosen}
        for value, label in _choices(bf)
        if with_empty or value != ""
    ]


class SelectRenderer(FieldRenderer):
    component = "select"
    macro = "govukSelect"

    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params = super().params(bf)
        params["items"] = _items(bf, "selected", with_empty=True)
        return params


class ChoiceGroupRenderer(FieldRenderer):
    """Radios and checkboxes: a fieldset with a legend instead of a label."""

    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params = super().params(bf)
        params["idPrefix"] = params.pop("id")
        _label_as_legend(params)
        params["items"] = _items(bf, "checked", with_empty=False)
        return params


class RadiosRenderer(ChoiceGroupRenderer):
    component = "radios"
    macro = "govukRadios"


class CheckboxesRenderer(ChoiceGroupRenderer):
    component = "checkboxes"
    macro = "govukCheckboxes"


class SingleCheckboxRenderer(FieldRenderer):
    component = "checkboxes"
    macro = "govukCheckboxes"

    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params = super().params(bf)
        label = params.pop("label")
        params["idPrefix"] = params.pop("id")
        params["items"] = [{"value": "on", "text": label["text"], "checked": bool(bf.value())}]
        return params


class DateRenderer(FieldRenderer):
    component = "date-input"
    macro = "govukDateInput"

    def params(self, bf: forms.BoundField) -> dict[str, Any]:
        params = super().params(bf)
        _label_as_legend(params)
        raw = bf.value()
        values = raw if isinstance(raw, list | tuple) else bf.field.widget.decompress(raw)
        widths = {"day": 2, "month": 2, "year": 4}
        params["items"] = [
            {
                "name": f"{bf.html_name}_{part}",
                "id": f"{params['id']}_{part}",
                "label": part.capitalize(),
                "value": "" if value is None else str(value),
                "classes": f"govuk-input--width-{widths[part]}"
                + (" govuk-input--error" if bf.errors else ""),
            }
            for part, value in zip(("day", "month", "year"), values, strict=False)
        ]
        return params


class FileRenderer(FieldRenderer):
    component = "file-upload"
    macro = "govukFileUpload"


def renderer_for(bf: forms.BoundField) -> FieldRenderer:
    widget = bf.field.widget
    if isinstance(widget, DateWidget):
        return DateRenderer()
    if isinstance(widget, forms.PasswordInput):
        return PasswordRenderer()
    if isinstance(widget, forms.Textarea):
        return TextareaRenderer()
    if isinstance(widget, forms.CheckboxSelectMultiple):  # before RadioSelect: a subclass of it
        return CheckboxesRenderer()
    if isinstance(widget, forms.RadioSelect):
        return RadiosRenderer()
    if isinstance(widget, forms.CheckboxInput):
        return SingleCheckboxRenderer()
    if isinstance(widget, forms.Select):
        return SelectRenderer()
    if isinstance(widget, forms.FileInput):
        return FileRenderer()
    return InputRenderer()


@pass_environment
def render_field(env: Environment, bf: forms.BoundField, **overrides: Any) -> Markup:
    return renderer_for(bf).render(env, bf, overrides)


@pass_environment
def render_error_summary(env: Environment, form: forms.BaseForm) -> Markup:
    if not form.errors:
        return Markup("")
    error_list = []
    for message in form.non_field_errors():
        error_list.append({"text": str(message)})
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS:
            continue
        bf = form[name]
        anchor = bf.auto_id + ("_day" if isinstance(bf.field.widget, DateWidget) else "")
        error_list.extend({"text": str(message), "href": f"#{anchor}"} for message in errors)
    params = {"titleText": "There is a problem", "errorList": error_list}
    return call_macro(env, "error-summary", "govukErrorSummary", params)
