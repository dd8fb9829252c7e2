"""The Ofsted Annex A workbook for one collection year: Lists 1-3 and 6-8 (one sheet per list)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from lineofsight.synth.care import age_on
from lineofsight.synth.model import Child
from lineofsight.synth.years import CollectionYear, uk

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
LISTS: dict[str, list[str]] = {
    "List 1": [*COMMON, "Date of Contact", "Contact Source"],
    "List 2": [
        *COMMON,
        "Assessment start date",
        "Assessment completion date",
        "Organisation completing assessment",
    ],
    "List 3": [
        *COMMON,
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
    ],
    "List 6": [
        *COMMON,
        "Does the Child have a Disability",
        "CIN Start Date",
        "Primary Need Code",
        "CIN Closure Date",
        "Reason for Closure",
    ],
    "List 7": [
        *COMMON,
        "Does the Child have a Disability",
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Child Protection Plan End Date",
        "Number of Previous Child Protection Plans",
    ],
    "List 8": [
        *COMMON,
        "Does the Child have a Disability",
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Child's Legal Status",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Placement Type",
    ],
}
GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}


def _common(child: Child, on: CollectionYear) -> list[object]:
    age = age_on(child.birth_date, on.reference_date)
    return [child.child_id, GENDER[child.sex], child.ethnicity, uk(child.birth_date), age]


def annex_a_rows(children: list[Child], year: int) -> dict[str, list[list[object]]]:
    cy = CollectionYear(year)
    rows: dict[str, list[list[object]]] = {name: [] for name in LISTS}
    for child in children:
        base = _common(child, cy)
        disabled = "a) Yes" if child.disabilities else "b) No"
        for contact in child.contacts:
            if cy.contains(contact.date):
                rows["List 1"].append([*base, uk(contact.date), contact.source])
        for eh in child.early_help:
            if cy.overlaps(eh.start, cy.known(eh.end)):
                rows["List 2"].append([*base, uk(eh.start), uk(cy.known(eh.end)), eh.provider])
        for ep in child.episodes:
            if cy.contains(ep.referral_date):
                recent = sum(
                    1
                    for other in child.episodes
                    if 0 < (ep.referral_date - other.referral_date).days <= 365
                )
                nfa = "a) Yes" if ep.referral_nfa else "b) No"
                rows["List 3"].append(
                    [*base, uk(ep.referral_date), ep.referral_source, nfa, recent]
                )
            closure = cy.known(ep.closure_date)
            if cy.overlaps(ep.referral_date, closure) and not ep.referral_nfa:
                rows["List 6"].append(
                    [
                        *base,
                        disabled,
                        uk(ep.referral_date),
                        ep.primary_need,
                        uk(closure),
                        ep.closure_reason if closure else "",
                    ]
                )
            for plan in ep.cp_plans:
                end = cy.known(plan.end)
                if cy.overlaps(plan.start, end):
                    rows["List 7"].append(
                        [
                            *base,
                            disabled,
                            uk(plan.start),
                            plan.initial_category,
                            plan.latest_category,
                            uk(end),
                            plan.previous_plans,
                        ]
                    )
        for period in child.care_periods:
            end = cy.known(period.end)
            if cy.overlaps(period.start, end):
                last = [e for e in period.episodes if e.start <= cy.reference_date][-1]
                rows["List 8"].append(
                    [
                        *base,
                        disabled,
                        uk(period.start),
                        last.cin_category,
                        last.legal_status,
                        uk(end),
                        (period.episodes[-1].reason_ceased or "") if end else "",
                        last.placement,
                    ]
                )
    return rows


def write_annex_a(children: list[Child], year: int, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    for name, table in annex_a_rows(children, year).items():
        sheet = workbook.create_sheet(name)
        sheet.append(LISTS[name])
        for row in table:
            sheet.append(row)
    workbook.properties.creator = "Line of Sight synthetic borough"
    path = directory / f"annex_a_{year}.xlsx"
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_reproducible(buffer.getvalue(), year))
    return path


def _reproducible(xlsx: bytes, year: int) -> bytes:
    """The workbook with fixed zip timestamps and document dates (same seed, same bytes)."""
    stamp = f"{year}-05-02T09:00:00Z"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data
                )
            target.writestr(
                zipfile.ZipInfo(info.filename, (year, 5, 2, 9, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()
