"""Fast structural and determinism checks on a small synthetic borough."""

from __future__ import annotations

import ast
import csv
import hashlib
from datetime import date
from pathlib import Path

import pytest
from defusedxml import ElementTree
from openpyxl import load_workbook

from lineofsight.calendar.workdays import add_working_days, bank_holidays
from lineofsight.synth import generate
from lineofsight.synth.config import code_lists
from lineofsight.synth.identifiers import make_upn, upn_check_letter

YEARS = range(2024, 2026)
SCALE = 0.03


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def borough(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(out, seed=7, years=YEARS, scale=SCALE)
    return out / "371"


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path, borough: Path) -> None:
    generate(tmp_path / "a", seed=7, years=YEARS, scale=SCALE)
    generate(tmp_path / "b", seed=8, years=YEARS, scale=SCALE)
    assert _digest(tmp_path / "a" / "371") == _digest(borough)
    assert _digest(tmp_path / "b" / "371") != _digest(borough)


def test_layout(borough: Path) -> None:
    for year in YEARS:
        assert (borough / "cin" / f"cin_census_{year}.xml").is_file()
        assert (borough / "annex_a" / f"annex_a_{year}.xlsx").is_file()
        for name in ("header", "episodes", "reviews", "uasc", "oc2", "oc3", "missing"):
            assert (borough / "ssda903" / str(year) / f"{name}.csv").is_file()
        for agency in ("police", "health", "domestic_abuse", "council"):
            assert (borough / "partner_returns" / f"{agency}_{year}.csv").is_file()
    for path in (
        "lado/lado_referrals.csv",
        "cdop/child_deaths.csv",
        "training/training_records.csv",
    ):
        assert (borough / path).is_file()


def _cin(borough: Path, year: int) -> ElementTree.Element:
    return ElementTree.parse(borough / "cin" / f"cin_census_{year}.xml").getroot()


@pytest.mark.parametrize("year", YEARS)
def test_cin_census_codes_and_dates(borough: Path, year: int) -> None:
    codes = code_lists()
    root = _cin(borough, year)
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == f"{year}-03-31"
    reference = date(year, 3, 31)
    children = root.findall("Children/Child")
    assert children
    for child in children:
        ids = child.find("ChildIdentifiers")
        upn = ids.findtext("UPN")
        assert upn[0] == upn_check_letter(upn[1:])
        sex_tag = "Sex" if year >= 2025 else "GenderCurrent"
        assert ids.findtext(sex_tag) in ({"M", "F", "U"} if year >= 2025 else {"1", "2", "0", "9"})
        assert child.findtext("ChildCharacteristics/Ethnicity") in codes.ethnicity
        for ep in child.findall("CINdetails"):
            referral = date.fromisoformat(ep.findtext("CINreferralDate"))
            assert referral <= reference
            assert ep.findtext("ReferralSource") in codes.referral_source
            closure = ep.findtext("CINclosureDate")
            if closure:
                assert referral <= date.fromisoformat(closure) <= reference
                assert ep.findtext("ReasonForClosure")
            for s47 in ep.findall("Section47"):
                icpc = s47.findtext("DateOfInitialCPC")
                if icpc:
                    assert date.fromisoformat(icpc) >= date.fromisoformat(
                        s47.findtext("S47ActualStartDate")
                    )
            for plan in ep.findall("ChildProtectionPlans"):
                end = plan.findtext("CPPendDate")
                if end:
                    assert date.fromisoformat(end) > date.fromisoformat(
                        plan.findtext("CPPstartDate")
                    )
                assert plan.findtext("InitialCategoryOfAbuse") in {
                    "NEG",
                    "PHY",
                    "SAB",
                    "EMO",
                    "MUL",
                }


def test_same_child_id_across_returns(borough: Path) -> None:
    year = YEARS[-1]
    cin_ids = {c.findtext("ChildIdentifiers/LAchildID") for c in _cin(borough, year).iter("Child")}
    with open(borough / "ssda903" / str(year) / "episodes.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and {r["CHILD"] for r in rows} <= cin_ids | {r["CHILD"] for r in rows}
    assert {r["CHILD"] for r in rows} & cin_ids
    for row in rows:
        day, month, yr = row["DECOM"].split("/")
        assert len(yr) == 4 and date(int(yr), int(month), int(day))
    sheet = load_workbook(borough / "annex_a" / f"annex_a_{year}.xlsx", read_only=True)["List 1"]
    header = next(sheet.iter_rows(values_only=True))
    assert header[0] == "Child Unique ID"


def test_partner_returns_header(borough: Path) -> None:
    with open(borough / "partner_returns" / f"council_{YEARS[0]}.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [
        "agency_code",
        "measure_id",
        "period_start",
        "period_end",
        "value",
        "breakdown",
    ]
    assert {r["breakdown"] for r in rows if r["measure_id"] == "exploitation_tracked"} == {
        "high",
        "medium",
        "low",
    }


def test_working_days_and_upn() -> None:
    assert date(2020, 5, 8) in bank_holidays()
    assert add_working_days(date(2020, 12, 24), 1) == date(2020, 12, 29)
    upn = make_upn("371", 2001, 15, 7)
    assert len(upn) == 13 and upn[0] == upn_check_letter(upn[1:])


def test_no_django_import() -> None:
    package = Path(__file__).resolve().parents[1]
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            assert not any(n.split(".")[0] == "django" for n in names), path


def test_no_sdq_for_a_child_already_17_at_the_start_of_the_year(borough: Path) -> None:
    """DfE SSDA903 rule 189: no SDQ score or reason once 17 before 1 April of the year."""
    for year in YEARS:
        with (borough / "ssda903" / str(year) / "oc2.csv").open(newline="") as handle:
            for row in csv.DictReader(handle):
                day, month, born = (int(x) for x in row["DOB"].split("/"))
                if date(born + 17, month, min(day, 28)) < date(year - 1, 4, 1):
                    assert not row["SDQ_SCORE"] and not row["SDQ_REASON"], row


def test_every_template_measure_has_demo_rows_and_the_front_door_matches_annex_a(
    borough: Path,
) -> None:
    """Each measure of the partner-return template is in the synthetic returns (so the demo
    dashboard shows it); the council's contacts received in a month are Annex A list 1's
    contacts that month, and those passed to early help are some of them."""
    from lineofsight.formats.codelists import partner_measures

    rows: list[dict[str, str]] = []
    for path in sorted((borough / "partner_returns").glob("*.csv")):
        with open(path, newline="") as f:
            rows += list(csv.DictReader(f))
    assert set(partner_measures()) <= {r["measure_id"] for r in rows}
    year = YEARS[0]
    sheet = load_workbook(borough / "annex_a" / f"annex_a_{year}.xlsx", read_only=True)["List 1"]
    lines = sheet.iter_rows(values_only=True)
    column = next(lines).index("Date of Contact")
    listed: dict[str, int] = {}
    for line in lines:
        day, month, calendar_year = str(line[column]).split("/")
        key = f"{calendar_year}-{month}-01"
        listed[key] = listed.get(key, 0) + 1
    received = {
        r["period_start"]: int(r["value"]) for r in rows if r["measure_id"] == "contacts_received"
    }
    passed = {
        r["period_start"]: int(r["value"])
        for r in rows
        if r["measure_id"] == "contacts_to_early_help"
    }
    april = f"{year - 1}-04-01"
    assert received[april] == listed[april] > 0
    assert all(received[key] == count for key, count in listed.items())
    assert all(0 <= passed[key] <= received[key] for key in received)
    assert sum(passed.values()) > 0
