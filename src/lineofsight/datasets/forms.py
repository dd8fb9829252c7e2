from __future__ import annotations

from typing import Any

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    returns = MultipleFileField(
        error_messages={"required": "Select a file to upload"},
        label="Upload returns",
        help_text="CIN census XML, the SSDA903 CSV files of one year (select them together), an "
        "Ofsted Annex A workbook (.xlsx) or a partner return (.csv or .xlsx)",
    )
    collection_year = forms.IntegerField(
        label="Collection year (optional)",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="The year the collection ends, for example 2021 for 2020-21. Give it when a "
        "file does not say, as SSDA903 CSVs do not: otherwise it is taken from the latest date "
        "in the return.",
        error_messages={
            "invalid": "Enter the collection year as 4 digits, for example 2021",
            "min_value": "Enter a collection year from 2000 onwards",
            "max_value": "Enter a collection year up to 2100",
        },
    )
