from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from lineofsight.formats import detect, read
from lineofsight.formats.codelists import partner_measures
from lineofsight.formats.tests.builders import errors, rules, write

LIST1 = [
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Date of Contact",
    "Contact Source",
]
LIST2 = [
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Assessment start date",
    "Assessment completion date",
    "Organisation completing assessment",
]


def annex_a(path: Path, list1_rows, list2_rows=(), *, list1=LIST1, extra_sheets=("List 3",)):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "List 1"
    sheet.append(["List 1: Contacts"])
    sheet.append(list1)
    for row in list1_rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula (CSV/Excel injection)
    second = book.create_sheet("List_2 Early Help")
    second.append(LIST2)
    for row in list2_rows:
        second.append(row)
    for name in extra_sheets:
        other = book.create_sheet(name)
        other.append(["Child Unique ID", "Date of referral"])
        other.append(["X9", datetime(2023, 6, 1)])
    book.save(path)
    return path


def contact(child="K1", when=datetime(2023, 6, 1), source="Police"):
    return [child, "Male", "WBRI", datetime(2015, 1, 1), 8, when, source]


def test_annex_a_lists_1_and_2(tmp_path):
    path = annex_a(
        tmp_path / "annex.xlsx",
        [contact(), contact("K2", "14/07/2023", "School")],
        [["K3", "F", "WBRI", None, 3, datetime(2023, 5, 1), datetime(2023, 6, 1), "FH"]],
    )
    assert detect(path) == "annex_a"
    [parsed] = read([path], la_code="371")
    assert parsed.problems == [] and parsed.format == "annex_a"
    assert parsed.tables["contacts"][1] | {} == {
        "child_id": "K2",
        "contact_date": date(2023, 7, 14),
        "contact_source": "School",
        "la_code": "371",
        "collection_year": 2024,
    }
    assert parsed.tables["early_help"][0]["provider"] == "FH"
    assert parsed.record_count == 4  # 2 contacts, 1 early help, 1 referral (List 3, counted)


def test_annex_a_problems(tmp_path):
    rows = [contact(when="31/02/2023"), contact(child=None), contact("K3", source="=cmd|'/C calc'")]
    eh = [["K4", "F", "", None, 3, datetime(2023, 6, 1), datetime(2023, 5, 1), "FH"]]
    [parsed] = read([annex_a(tmp_path / "a.xlsx", rows, eh)], collection_year=2024)
    assert {"annex_a.date_invalid", "annex_a.missing_value", "annex_a.end_before_start"} <= errors(
        parsed
    )
    assert "annex_a.formula_like_cell" in rules(parsed)


def test_annex_a_missing_column_and_future_date(tmp_path):
    headings = [h for h in LIST1 if h != "Contact Source"]
    path = annex_a(tmp_path / "a.xlsx", [contact(when=datetime(2024, 5, 1))[:-1]], list1=headings)
    [parsed] = read([path], collection_year=2024)
    assert {"annex_a.missing_column", "annex_a.date_after_year_end"} <= errors(parsed)


def test_workbook_without_lists_is_not_recognised(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["hello"])
    book.save(tmp_path / "x.xlsx")
    assert detect(tmp_path / "x.xlsx") is None
    [parsed] = read([tmp_path / "x.xlsx"])
    assert errors(parsed) == {"file.not_recognised"}


# ---- partner returns ----
HEADER = "agency_code,measure_id,period_start,period_end,value,breakdown\n"


def test_measures_are_reference_data():
    measures = partner_measures()
    assert measures["exploitation_tracked"].breakdowns == {"high", "medium", "low"}
    assert measures["idva_referrals"].agency_type == "domestic_abuse"
    assert len(measures) >= 8


def test_shipped_template_is_a_valid_partner_return():
    template = Path(__file__).parents[1] / "reference" / "partner_return_template.csv"
    assert detect(template) == "partner_return"
    [parsed] = read([template])
    assert parsed.problems == [] and len(parsed.tables["partner_measures"]) == 2


def test_partner_csv(read_one):
    parsed = read_one(
        HEADER + "SYP,idva_referrals,01/04/2024,30/06/2024,37,\n"
        "DMBC,exploitation_tracked,2024-04-01,2024-06-30,5,high\n",
        "p.csv",
    )
    assert parsed.problems == [] and parsed.collection_year == 2025
    row = parsed.tables["partner_measures"][0]
    assert row["agency"] == "SYP" and row["value"] == 37.0 and row["breakdown"] is None
    assert row["period_end"] == date(2024, 6, 30)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("SYP,made_up_measure,2024-04-01,2024-06-30,1,", "partner.unknown_measure"),
        ("SYP,idva_referrals,2024-04-01,2024-03-30,1,", "partner.period_end_before_start"),
        ("SYP,idva_referrals,2024-04-01,2024-06-31,1,", "partner.date_invalid"),
        ("SYP,idva_referrals,2024-04-01,2024-06-30,-3,", "partner.value_invalid"),
        ("SYP,idva_referrals,2024-04-01,2024-06-30,2.5,", "partner.value_invalid"),
        ("SYP,idva_referrals,2024-04-01,2024-06-30,lots,", "partner.value_invalid"),
        ("SYP,exploitation_tracked,2024-04-01,2024-06-30,1,extreme", "partner.breakdown_invalid"),
        (",idva_referrals,2024-04-01,2024-06-30,1,", "partner.missing_value"),
    ],
)
def test_partner_row_rules(read_one, line, rule):
    parsed = read_one(HEADER + line + "\n", "p.csv")
    assert errors(parsed) == {rule}


def test_partner_duplicate_rows_and_missing_columns(read_one):
    line = "SYP,idva_referrals,2024-04-01,2024-06-30,1,\n"
    assert errors(read_one(HEADER + line + line, "p.csv")) == {"partner.duplicate_row"}
    parsed = read_one("agency_code,measure_id,value\nSYP,idva_referrals,1\n", "p.csv")
    assert {p.field for p in parsed.problems} == {"period_start", "period_end"}


def test_partner_xlsx(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(HEADER.strip().split(","))
    book.active.append(
        [
            "SYP",
            "police_missing_child_episodes",
            datetime(2024, 4, 1),
            datetime(2024, 6, 30),
            12,
            None,
        ]
    )
    book.save(tmp_path / "p.xlsx")
    assert detect(tmp_path / "p.xlsx") == "partner_return"
    [parsed] = read([tmp_path / "p.xlsx"])
    assert parsed.problems == []
    assert parsed.tables["partner_measures"][0]["period_start"] == date(2024, 4, 1)


def test_partner_return_written_to_folder(tmp_path):
    write(tmp_path, "p.csv", HEADER + "SYP,idva_referrals,2024-04-01,2024-06-30,1,\n")
    [parsed] = read([tmp_path])
    assert parsed.format == "partner_return"
