"""CIN census XML (DfE): stream ``Message/Header`` and each ``Children/Child`` into tables.

Elements are read with ``iterparse`` and each ``Child`` is dropped once read, so memory stays
flat however large the file.  The 2023-24 layout (GenderCurrent) and the 2024-25 layout (Sex)
are both read; the collection year comes from ``CollectionDetails/Year``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from lineofsight.formats.cin_child import CinContext, read_child
from lineofsight.formats.dates import DateProblem, parse_iso, year_end
from lineofsight.formats.problems import Parsed, ProblemLog
from lineofsight.formats.rules.cin.run import CinRun, run_cin_rules
from lineofsight.formats.safe_xml import iter_events

CIN_TABLES = (
    "cin_children",
    "cin_episodes",
    "cin_assessments",
    "cin_plans",
    "s47_enquiries",
    "cp_plans",
    "cp_reviews",
)
MAX_ELEMENTS_PER_CHILD = 50_000
LEA_PATTERN = re.compile(r"\d{3}")


def parse_cin_census(
    path: Path,
    log: ProblemLog,
    *,
    collection_year: int | None = None,
    on_read: Callable[[int], None] | None = None,
) -> Parsed:
    parsed = Parsed(format="cin_census", collection_year=collection_year, source_files=[str(path)])
    ctx = CinContext(log, collection_year, None, {name: [] for name in CIN_TABLES})
    header_seen = False
    depth = 0  # of the element just started, or just ended plus one
    section: Element | None = None  # the open child of <Message> (Header or Children)
    child_start = count = 0
    for event, element in iter_events(path, log, on_read):
        if event == "start":
            depth += 1
            count += 1
            if depth > 3:
                if count - child_start > MAX_ELEMENTS_PER_CHILD:
                    log.error(
                        "cin.child_too_large",
                        f"One child holds over {MAX_ELEMENTS_PER_CHILD} elements, which no real "
                        "return does: the file was not read further.",
                        location=f"child number {ctx.position + 1} in the file",
                    )
                    break
            elif depth == 3:
                child_start = count
            elif depth == 2:
                section = element
            elif element.tag != "Message":
                log.error(
                    "cin.wrong_root",
                    f"The XML starts with <{element.tag}>, not <Message>: "
                    "this is not a CIN census return.",
                    field=element.tag,
                )
                break
            continue
        depth -= 1
        if depth > 2:  # the fast path: an element inside a child
            continue
        if depth == 2 and section is not None and section.tag == "Children":
            if not header_seen:
                header_seen = True
                _no_header(parsed, log, ctx)
            if element.tag == "Child":
                read_child(element, ctx)
            else:
                log.warning(
                    "cin.unexpected_element",
                    f"<{element.tag}> inside <Children> is not a Child and was ignored.",
                    field=element.tag,
                )
            section.clear()
        elif depth == 1:
            if element.tag == "Header":
                header_seen = True
                _read_header(element, parsed, log)
                ctx.collection_year = parsed.collection_year
                ctx.reference_date = parsed.reference_date
            elif element.tag != "Children":
                log.warning(
                    "cin.unexpected_element",
                    f"<{element.tag}> is not part of the CIN census and was ignored.",
                    field=element.tag,
                )
            element.clear()
    if ctx.position == 0 and not any(p.is_error for p in log.problems):
        log.error("cin.no_children", "The return has no Children/Child elements.")
    if ctx.children and parsed.reference_date is not None:
        year = parsed.collection_year or parsed.reference_date.year
        reference = year_end(year)
        run = CinRun(log, year, reference, ctx.children, parsed.reference_date)
        run_cin_rules(run)
    ctx.children = []
    parsed.tables = ctx.tables
    parsed.record_count = len(ctx.tables["cin_children"])
    return parsed


def _no_header(parsed: Parsed, log: ProblemLog, ctx: CinContext) -> None:
    message = "The return has no Header/CollectionDetails, so its year is not known."
    if parsed.collection_year is not None:
        log.warning("cin.missing_header", message + f" {parsed.collection_year} was used as given.")
        parsed.reference_date = year_end(parsed.collection_year)
        ctx.reference_date = parsed.reference_date
    else:
        log.error("cin.missing_header", message + " Add the Header, or give the collection year.")


def _read_header(header: Element, parsed: Parsed, log: ProblemLog) -> None:
    details = header.find("CollectionDetails")
    if details is None:
        _no_header(parsed, log, CinContext(log, None, None, {}))
        return
    collection = (details.findtext("Collection") or "").strip()
    if collection and collection != "CIN":
        log.error(
            "cin.wrong_collection",
            f"CollectionDetails/Collection is '{collection}', not "
            "CIN: this is not a CIN census return.",
            field="Collection",
            value=collection,
        )
    year_text = (details.findtext("Year") or "").strip()
    if year_text.isascii() and year_text.isdigit() and len(year_text) == 4:
        year = int(year_text)
        if parsed.collection_year is not None and parsed.collection_year != year:
            log.warning(
                "cin.year_mismatch",
                f"The file says its year is {year} but "
                f"{parsed.collection_year} was asked for; the file's year was used.",
                field="Year",
                value=year_text,
            )
        parsed.collection_year = year
    elif parsed.collection_year is None:
        log.error(
            "cin.missing_year",
            "CollectionDetails/Year is missing or not a year (e.g. 2024 for the 2023-24 census).",
            field="Year",
            value=year_text,
        )
    parsed.reference_date = _reference_date(details, parsed.collection_year, log)
    lea = (header.findtext("Source/LEA") or "").strip()
    if LEA_PATTERN.fullmatch(lea):
        parsed.la_code = lea
    else:
        log.error(
            "cin.lea_invalid",
            "Source/LEA must be the local authority's three-digit code (e.g. 371).",
            field="LEA",
            value=lea,
        )


def _reference_date(details: Element, year: int | None, log: ProblemLog) -> date | None:
    text = (details.findtext("ReferenceDate") or "").strip()
    fallback = year_end(year) if year is not None else None
    if not text:
        log.warning(
            "cin.missing_element",
            "CollectionDetails/ReferenceDate is missing; 31 March of the collection year was used.",
            field="ReferenceDate",
        )
        return fallback
    try:
        return parse_iso(text)
    except DateProblem as exc:
        log.error("cin.date_invalid", f"ReferenceDate: {exc}.", field="ReferenceDate", value=text)
        return fallback
