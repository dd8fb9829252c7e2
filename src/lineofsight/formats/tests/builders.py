"""Small hand-built returns for the tests: valid by default, each part overridable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zlib
from pathlib import Path

from lineofsight.formats.problems import Parsed
from lineofsight.formats.rules.cin.children import upn_check_letter
from lineofsight.formats.ssda903_spec import table_specs


def rules(parsed: Parsed) -> set[str]:
    return {p.rule for p in parsed.problems}


def errors(parsed: Parsed) -> set[str]:
    return {p.rule for p in parsed.problems if p.severity == "error"}


def episode(
    referral: str = "2023-05-01",
    source: str = "1A",
    need: str | None = "N1",
    closure: str | None = "2023-09-01",
    reason: str | None = "RC7",
    nfa: str = "false",
    body: str = "",
) -> str:
    parts = [
        f"<CINreferralDate>{referral}</CINreferralDate>",
        f"<ReferralSource>{source}</ReferralSource>",
    ]
    if need is not None:
        parts.append(f"<PrimaryNeedCode>{need}</PrimaryNeedCode>")
    if closure is not None:
        parts.append(f"<CINclosureDate>{closure}</CINclosureDate>")
    if reason is not None:
        parts.append(f"<ReasonForClosure>{reason}</ReasonForClosure>")
    parts.append(body)
    parts.append(f"<ReferralNFA>{nfa}</ReferralNFA>")
    return "<CINdetails>" + "".join(parts) + "</CINdetails>"


def assessment(
    start: str = "2023-05-02",
    authorised: str | None = "2023-06-01",
    factors: tuple[str, ...] = ("1A", "3B"),
) -> str:
    auth = (
        f"<AssessmentAuthorisationDate>{authorised}</AssessmentAuthorisationDate>"
        if authorised
        else ""
    )
    found = "".join(f"<AssessmentFactors>{f}</AssessmentFactors>" for f in factors)
    return (
        f"<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate>{auth}"
        f"<FactorsIdentifiedAtAssessment>{found}</FactorsIdentifiedAtAssessment></Assessments>"
    )


def section47(
    start: str = "2023-05-03", icpc: str | None = "2023-05-19", not_required: str = "false"
) -> str:
    conference = f"<DateOfInitialCPC>{icpc}</DateOfInitialCPC>" if icpc else ""
    return (
        f"<Section47><S47ActualStartDate>{start}</S47ActualStartDate>"
        f"<InitialCPCtarget>2023-05-24</InitialCPCtarget>{conference}"
        f"<ICPCnotRequired>{not_required}</ICPCnotRequired></Section47>"
    )


def cp_plan(
    start: str = "2023-05-19",
    end: str | None = "2023-08-30",
    initial: str = "NEG",
    latest: str = "NEG",
    previous: str = "0",
    reviews: tuple[str, ...] = ("2023-06-19",),
) -> str:
    finish = f"<CPPendDate>{end}</CPPendDate>" if end else ""
    dates = "".join(f"<CPPreviewDate>{r}</CPPreviewDate>" for r in reviews)
    return (
        f"<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>{finish}"
        f"<InitialCategoryOfAbuse>{initial}</InitialCategoryOfAbuse>"
        f"<LatestCategoryOfAbuse>{latest}</LatestCategoryOfAbuse>"
        f"<NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP>"
        f"<Reviews>{dates}</Reviews></ChildProtectionPlans>"
    )


def cin_plan(start: str = "2023-08-30", end: str | None = "2023-09-01") -> str:
    finish = f"<CINPlanEndDate>{end}</CINPlanEndDate>" if end else ""
    return f"<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate>{finish}</CINPlanDates>"


def full_episode() -> str:
    """An episode with one of everything, in schema order."""
    return episode(body=assessment() + cin_plan() + section47(), nfa="false").replace(
        "</CINdetails>", cp_plan() + "</CINdetails>"
    )


def child(
    child_id: str = "C0001",
    *,
    sex: str = "<GenderCurrent>1</GenderCurrent>",
    birth: str | None = "2015-01-01",
    ethnicity: str = "WBRI",
    episodes: tuple[str, ...] | None = None,
    identifiers_extra: str = "",
) -> str:
    born = f"<PersonBirthDate>{birth}</PersonBirthDate>" if birth else ""
    # eight codes, so that a one-child return meets the DfE's whole-return queries 2887Q/2888Q
    disabled = "".join(f"<Disability>{code}</Disability>" for code in DISABILITIES)
    eps = "".join(episodes if episodes is not None else (full_episode(),))
    return (
        f"<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID><UPN>{upn(child_id)}</UPN>"
        f"{born}{sex}{identifiers_extra}</ChildIdentifiers><ChildCharacteristics>"
        f"<Ethnicity>{ethnicity}</Ethnicity><Disabilities>{disabled}"
        f"</Disabilities></ChildCharacteristics>{eps}</Child>"
    )


DEFAULTS_YEAR = 2024
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DISABILITIES = ("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS")


def _moved(text: str, years: int) -> str:
    """``text`` (YYYY-MM-DD) moved by 52-week years, so that weekdays stay the same."""
    return (dt.date.fromisoformat(text) + dt.timedelta(weeks=52 * years)).isoformat()


def upn(child_id: str) -> str:
    """A valid UPN (LA 371, right check letter) that differs for each child identifier."""
    digits = "371" + f"{zlib.crc32(child_id.encode()) % 10**9:09d}"
    return upn_check_letter("0" + digits) + digits  # type: ignore[operator]


def cin_xml(
    *children: str,
    year: int = 2024,
    lea: str = "371",
    reference: str | None = None,
    header: bool = True,
) -> str:
    reference = reference or f"{year}-03-31"
    head = (
        (
            f"<Header><CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>"
            f"<ReferenceDate>{reference}</ReferenceDate></CollectionDetails><Source>"
            f"<SourceLevel>L</SourceLevel><LEA>{lea}</LEA></Source></Header>"
        )
        if header
        else ""
    )
    body = "".join(children or (child(),))
    if year != DEFAULTS_YEAR:  # the defaults are 2023-24 dates: move them to the year asked for
        body = DATE.sub(lambda m: _moved(m[0], year - DEFAULTS_YEAR), body)
    declaration = '<?xml version="1.0" encoding="utf-8"?>\n'
    return f"{declaration}<Message>{head}<Children>{body}</Children></Message>\n"


def sex_2025(code: str = "M") -> str:
    return f"<Sex>{code}</Sex>"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# ---- SSDA903 ----
VALID_903: dict[str, list[dict[str, str]]] = {
    "Header": [
        {
            "CHILD": "L1",
            "SEX": "1",
            "DOB": "01/02/2012",
            "ETHNIC": "WBRI",
            "UPN": "A123456789012",
            "MOTHER": "",
            "MC_DOB": "",
        },
        {
            "CHILD": "L2",
            "SEX": "2",
            "DOB": "03/04/2008",
            "ETHNIC": "AIND",
            "UPN": "B123456789012",
            "MOTHER": "0",
            "MC_DOB": "",
        },
        {
            "CHILD": "L3",
            "SEX": "2",
            "DOB": "03/04/2004",
            "ETHNIC": "WBRI",
            "UPN": "C123456789012",
            "MOTHER": "",
            "MC_DOB": "",
        },
    ],
    "Episodes": [
        {
            "CHILD": "L1",
            "DECOM": "01/05/2023",
            "RNE": "S",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "U1",
            "PLACE_PROVIDER": "PR1",
            "DEC": "10/09/2023",
            "REC": "X1",
            "REASON_PLACE_CHANGE": "CARPL",
            "HOME_POST": "DN1 1AA",
            "PL_POST": "DN2 2BB",
            "URN": "SC123456",
        },
        {
            "CHILD": "L1",
            "DECOM": "10/09/2023",
            "RNE": "P",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "U3",
            "PLACE_PROVIDER": "PR1",
            "DEC": "",
            "REC": "",
            "REASON_PLACE_CHANGE": "",
            "HOME_POST": "DN1 1AA",
            "PL_POST": "DN3 3CC",
            "URN": "SC654321",
        },
        {
            "CHILD": "L2",
            "DECOM": "15/06/2022",
            "RNE": "S",
            "LS": "V2",
            "CIN": "N4",
            "PLACE": "K2",
            "PLACE_PROVIDER": "PR4",
            "DEC": "20/01/2024",
            "REC": "E8",
            "REASON_PLACE_CHANGE": "",
            "HOME_POST": "DN4 4DD",
            "PL_POST": "DN5 5EE",
            "URN": "XXXXXX",
        },
    ],
    "Reviews": [{"CHILD": "L1", "DOB": "01/02/2012", "REVIEW": "20/05/2023", "REVIEW_CODE": "PN1"}],
    "Missing": [
        {
            "CHILD": "L1",
            "DOB": "01/02/2012",
            "MISSING": "M",
            "MIS_START": "02/07/2023",
            "MIS_END": "03/07/2023",
        }
    ],
    "OC3": [{"CHILD": "L3", "DOB": "03/04/2004", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "V1"}],
}


def csv_text(table: str, rows: list[dict[str, str]], columns: list[str] | None = None) -> str:
    columns = columns or [spec.column for spec in table_specs()[table]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue()


def write_903(
    folder: Path,
    tables: dict[str, list[dict[str, str]]] | None = None,
    **changes: list[dict[str, str]],
) -> Path:
    """Write a 903 folder (file names deliberately unhelpful: tables are found by header)."""
    data = {**VALID_903, **(tables or {}), **changes}
    folder.mkdir(parents=True, exist_ok=True)
    for index, (table, rows) in enumerate(data.items()):
        write(folder, f"export_{index}.csv", csv_text(table, rows))
    return folder


def episode_row(**values: str) -> dict[str, str]:
    base = dict(VALID_903["Episodes"][2])
    base.update(values)
    return base
