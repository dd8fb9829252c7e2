from __future__ import annotations

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):  # type: ignore[no-untyped-def]
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    returns = MultipleFileField(
        label="Upload returns",
        help_text="CIN census XML, the SSDA903 CSV files of one year (select them together), an "
        "Ofsted Annex A workbook (.xlsx) or a partner return (.csv or .xlsx)",
    )
