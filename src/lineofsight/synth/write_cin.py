"""The CIN census XML for one collection year (2023-24 layout before 2025, 2024-25 from 2025)."""

from __future__ import annotations

from pathlib import Path

from lineofsight.synth.model import Child, CinEpisode
from lineofsight.synth.years import CollectionYear, iso

SEX_LAYOUT_FROM = 2025  # collection year in which <Sex> M/F/U replaced <GenderCurrent>
GENDER_CURRENT = {"M": "1", "F": "2", "U": "0"}
SOFTWARE = "Line of Sight synthetic borough"


def _el(out: list[str], indent: int, name: str, value: str | None) -> None:
    if value:
        out.append(f"{'  ' * indent}<{name}>{value}</{name}>")


def _episode(out: list[str], ep: CinEpisode, cy: CollectionYear) -> None:
    closure = cy.known(ep.closure_date)
    out.append("      <CINdetails>")
    _el(out, 4, "CINreferralDate", iso(ep.referral_date))
    _el(out, 4, "ReferralSource", ep.referral_source)
    _el(out, 4, "PrimaryNeedCode", ep.primary_need)
    _el(out, 4, "CINclosureDate", iso(closure))
    _el(out, 4, "ReasonForClosure", ep.closure_reason if closure else None)
    for a in ep.assessments:
        authorised = cy.known(a.authorised)
        if a.start > cy.reference_date or (authorised and authorised < cy.start):
            continue
        out.append("        <Assessments>")
        _el(out, 5, "AssessmentActualStartDate", iso(a.start))
        _el(out, 5, "AssessmentAuthorisationDate", iso(authorised))
        if authorised:
            out.append("          <FactorsIdentifiedAtAssessment>")
            for factor in a.factors:
                _el(out, 6, "AssessmentFactors", factor)
            out.append("          </FactorsIdentifiedAtAssessment>")
        out.append("        </Assessments>")
    for plan in ep.cin_plans:
        if cy.overlaps(plan.start, plan.end):
            out.append("        <CINPlanDates>")
            _el(out, 5, "CINPlanStartDate", iso(plan.start))
            _el(out, 5, "CINPlanEndDate", iso(cy.known(plan.end)))
            out.append("        </CINPlanDates>")
    for s47 in ep.section47s:
        icpc = cy.known(s47.icpc_date)
        done = icpc or (s47.icpc_not_required and s47.start)
        if s47.start > cy.reference_date or (done and done < cy.start):
            continue
        out.append("        <Section47>")
        _el(out, 5, "S47ActualStartDate", iso(s47.start))
        _el(out, 5, "InitialCPCtarget", iso(s47.icpc_target))
        _el(out, 5, "DateOfInitialCPC", iso(icpc))
        _el(out, 5, "ICPCnotRequired", "true" if s47.icpc_not_required else "false")
        out.append("        </Section47>")
    _el(out, 4, "ReferralNFA", "true" if ep.referral_nfa else "false")
    for cpp in ep.cp_plans:
        if not cy.overlaps(cpp.start, cpp.end):
            continue
        out.append("        <ChildProtectionPlans>")
        _el(out, 5, "CPPstartDate", iso(cpp.start))
        _el(out, 5, "CPPendDate", iso(cy.known(cpp.end)))
        _el(out, 5, "InitialCategoryOfAbuse", cpp.initial_category)
        _el(out, 5, "LatestCategoryOfAbuse", cpp.latest_category)
        out.append(f"          <NumberOfPreviousCPP>{cpp.previous_plans}</NumberOfPreviousCPP>")
        reviews = [r for r in cpp.reviews if cy.contains(r)]
        if reviews:
            out.append("          <Reviews>")
            for review in reviews:
                _el(out, 6, "CPPreviewDate", iso(review))
            out.append("          </Reviews>")
        out.append("        </ChildProtectionPlans>")
    out.append("      </CINdetails>")


def _child(out: list[str], child: Child, episodes: list[CinEpisode], cy: CollectionYear) -> None:
    out.append("    <Child>")
    out.append("      <ChildIdentifiers>")
    _el(out, 4, "LAchildID", child.child_id)
    _el(out, 4, "UPN", child.upn)
    _el(out, 4, "PersonBirthDate", iso(child.birth_date))
    if cy.year >= SEX_LAYOUT_FROM:
        _el(out, 4, "Sex", child.sex)
    else:
        _el(out, 4, "GenderCurrent", GENDER_CURRENT[child.sex])
    out.append("      </ChildIdentifiers>")
    out.append("      <ChildCharacteristics>")
    _el(out, 4, "Ethnicity", child.ethnicity)
    out.append("        <Disabilities>")
    for code in child.disabilities or ["NONE"]:
        _el(out, 5, "Disability", code)
    out.append("        </Disabilities>")
    out.append("      </ChildCharacteristics>")
    for ep in episodes:
        _episode(out, ep, cy)
    out.append("    </Child>")


def cin_census_xml(children: list[Child], la_code: str, year: int) -> str:
    cy = CollectionYear(year)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<Message>",
        "  <Header>",
        "    <CollectionDetails>",
        "      <Collection>CIN</Collection>",
        f"      <Year>{year}</Year>",
        f"      <ReferenceDate>{iso(cy.reference_date)}</ReferenceDate>",
        "    </CollectionDetails>",
        "    <Source>",
        "      <SourceLevel>L</SourceLevel>",
        f"      <LEA>{la_code}</LEA>",
        f"      <SoftwareCode>{SOFTWARE}</SoftwareCode>",
        "      <Release>1.0</Release>",
        "      <SerialNo>001</SerialNo>",
        f"      <DateTime>{year}-05-02T09:00:00</DateTime>",
        "    </Source>",
        "  </Header>",
        "  <Children>",
    ]
    for child in children:
        episodes = [e for e in child.episodes if cy.overlaps(e.referral_date, e.closure_date)]
        if episodes:
            _child(out, child, episodes, cy)
    out += ["  </Children>", "</Message>", ""]
    return "\n".join(out)


def write_cin_census(children: list[Child], la_code: str, year: int, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"cin_census_{year}.xml"
    path.write_text(cin_census_xml(children, la_code, year), encoding="utf-8", newline="\n")
    return path
