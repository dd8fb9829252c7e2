import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from lineofsight.lib.exports import csv_response, export_response, safe_cell, xlsx_bytes


@pytest.mark.parametrize(
    "hostile",
    ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://evil.example","click")'],
)
def test_formula_like_text_is_neutralised(hostile):
    assert safe_cell(hostile) == "'" + hostile


def test_ordinary_values_are_unchanged():
    assert safe_cell("Neglect") == "Neglect"
    assert safe_cell(-5) == -5 and safe_cell(2.5) == 2.5
    assert safe_cell(dt.date(2021, 3, 31)) == dt.date(2021, 3, 31)
    assert safe_cell(None) == ""


def test_csv_download_is_safe_and_named():
    response = csv_response(
        "Actions: overdue", ["Title", "Owner"], [["=cmd|' /C calc'!A0", "Police"]]
    )
    assert response["Content-Disposition"] == 'attachment; filename="Actions-overdue.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Title", "Owner"], ["'=cmd|' /C calc'!A0", "Police"]]


def test_xlsx_cells_hold_text_not_formulas():
    data = xlsx_bytes("Actions", ["Title", "Count"], [["=1+1", 3], ["plain", -1]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"
    assert sheet["B3"].value == -1


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export_response("pdf", "x", ["a"], [])
