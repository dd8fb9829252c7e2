import datetime as dt

from django import forms
from django.template import engines

from lineofsight.govuk.fields import GovukDateField


class ExampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="Your full name")
    colour = forms.ChoiceField(
        label="Colour", choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect
    )
    due = GovukDateField(label="Due date")
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)


def render(template: str, **context) -> str:
    return engines["jinja2"].from_string(template).render(context)


def test_date_field_reads_day_month_year():
    form = ExampleForm(
        {"name": "A", "colour": "r", "due_day": "5", "due_month": "1", "due_year": "2021"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["due"] == dt.date(2021, 1, 5)


def test_date_field_refuses_an_impossible_date():
    form = ExampleForm(
        {"name": "A", "colour": "r", "due_day": "31", "due_month": "2", "due_year": "2021"}
    )
    assert not form.is_valid()
    assert form.errors["due"] == ["Enter a real date"]


def test_fields_render_govuk_macros_with_errors_and_summary():
    form = ExampleForm({"colour": "x", "due_day": "1"})
    assert not form.is_valid()
    html = render(
        "{{ error_summary(form) }}{{ field(form.name) }}{{ field(form.colour) }}"
        "{{ field(form.due) }}{{ field(form.notes) }}",
        form=form,
    )
    assert 'class="govuk-error-summary"' in html
    assert 'href="#id_name"' in html and 'href="#id_due_day"' in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert "Your full name" in html  # hint
    assert 'class="govuk-radios' in html and "legend" in html
    assert 'name="due_day"' in html and 'name="due_year"' in html
    assert 'class="govuk-textarea' in html


def test_no_error_summary_for_a_valid_form():
    form = ExampleForm(
        {"name": "A", "colour": "g", "due_day": "1", "due_month": "2", "due_year": "2020"}
    )
    assert form.is_valid()
    assert render("{{ error_summary(form) }}", form=form) == ""


class ChoicesForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=[("", "Select a kind"), ("a", "A"), ("b", "B")])
    picked = forms.ChoiceField(
        label="Picked", choices=[("", "None"), ("x", "X"), ("y", "Y")], widget=forms.RadioSelect
    )


def test_a_select_keeps_its_prompt_and_radios_leave_the_empty_choice_out():
    html = render("{{ field(form.kind) }}{{ field(form.picked) }}", form=ChoicesForm({"kind": "b"}))
    assert "Select a kind" in html
    assert '<option value="b" selected>' in html
    assert 'value="x"' in html and ">None<" not in html
