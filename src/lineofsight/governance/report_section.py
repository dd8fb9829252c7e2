"""The governance section of the partnership's annual report (``reports.registry``): attendance
at the board, the executive and the sub-groups by agency, the assurance the board received and
took, and the budget (partners' contributions, spending and the balance), as Working Together
2023 asks the yearly report to show.

Nothing here counts children, so the figures are ``number`` cells (not put under the
small-number rule): meetings attended, reports received and pounds.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from lineofsight import disclosure
from lineofsight.governance import selectors
from lineofsight.reports.content import Block, Bullets, Paragraph, Subheading, TableBlock
from lineofsight.reports.registry import SectionRequest, register_section

LOW_ATTENDANCE = 75  # per cent of meetings: below this a membership is named


def _pounds(value: Decimal) -> disclosure.Cell:
    return disclosure.number(int(value.quantize(Decimal(1))))


def attendance_blocks(request: SectionRequest) -> list[Block]:
    partnership = request.partnership
    year = selectors.financial_year_of(partnership, request.start)
    year_label = selectors.year_name(partnership, year)
    rows = [r for r in selectors.attendance_rows(partnership, year=year) if r.record.expected]
    if not rows:
        return [Paragraph("No meetings of the board or its groups are recorded for the year.")]
    groups = sorted({r.group for r in rows}, key=lambda g: (g.kind, g.name))
    agencies = sorted({r.agency for r in rows}, key=lambda a: a.name)
    found = {(r.group.pk, r.agency.pk): r for r in rows}
    table_rows = []
    for agency in agencies:
        cells = []
        for group in groups:
            row = found.get((group.pk, agency.pk))
            rate = row.record.rate if row else None
            cells.append(
                disclosure.number(rate, places=1) if rate is not None else disclosure.missing()
            )
        table_rows.append((agency.name, cells))
    held = {g.pk: max(r.record.expected for r in rows if r.group.pk == g.pk) for g in groups}
    blocks: list[Block] = [Paragraph(attendance_words(rows))]
    blocks += [
        TableBlock(
            disclosure.grid(
                f"Attendance at meetings, {year_label} (% of meetings each member agency "
                "attended, in person or by deputy)",
                "Agency",
                [f"{g.name} ({held[g.pk]} meetings)" for g in groups],
                table_rows,
                note="A colon (:) means the agency is not a member of that group.",
            )
        )
    ]
    flagged = [r for r in rows if r.needs_attention]
    if flagged:
        blocks.append(Subheading("Attendance that needs attention"))
        blocks.append(
            Bullets(
                [
                    f"{r.agency.name} has missed the last {r.missed_in_a_row} meetings of the "
                    f"{r.group.name}"
                    for r in flagged
                ]
            )
        )
    return blocks


def attendance_words(rows: list[selectors.AttendanceRow]) -> str:
    """Attendance over the year in one sentence: the share of expected places taken, and the
    memberships below three meetings in four (the lowest first)."""
    expected = sum(r.record.expected for r in rows)
    attended = sum(r.record.attended for r in rows)
    text = (
        "Across the board and its groups, member agencies were at "
        f"{disclosure.percentage(attended, expected)}% of the meetings they were expected at "
        f"({attended} of {expected})"
    )
    low = sorted(
        (r for r in rows if r.record.rate is not None and r.record.rate < LOW_ATTENDANCE),
        key=lambda r: (r.record.rate, r.agency.name),
    )
    if not low:
        return text + f"; every agency attended at least {LOW_ATTENDANCE}% of its meetings."
    return (
        text
        + f"; below {LOW_ATTENDANCE}%: "
        + "; ".join(
            f"{r.agency.name} at the {r.group.name} ({r.record.attended} of {r.record.expected})"
            for r in low
        )
        + "."
    )


def assurance_blocks(request: SectionRequest) -> list[Block]:
    partnership = request.partnership
    reports = list(selectors.reports_in(partnership, request.start, request.end))
    if not reports:
        return [Paragraph("No assurance reports were due in the year.")]
    received = [r for r in reports if r.received_on]
    late = [r for r in received if r.received_on and r.received_on > r.due_on]
    outstanding = [r for r in reports if not r.received_on]
    grades = selectors.settings_of(partnership).grades()
    tally = Counter(r.grade for r in received)
    rows = [(grade, [disclosure.number(tally.get(grade, 0))]) for grade in grades]
    rows.append(("Not yet graded", [disclosure.number(tally.get("", 0))]))
    blocks: list[Block] = [
        Paragraph(
            f"{len(reports)} assurance reports were due to the board and its groups; "
            f"{len(received)} were received ({len(late)} after the date asked for) and "
            f"{len(outstanding)} had not been received by the end of the year."
        ),
        TableBlock(
            disclosure.grid(
                "Assurance the board took from the reports it received",
                "Assurance",
                ["Reports"],
                rows,
            )
        ),
        Subheading("Reports received"),
        Bullets(
            [
                f"{r.title} ({r.agency}), {r.get_kind_display()}: {r.grade or 'not yet graded'}"
                for r in received
            ]
        ),
    ]
    if outstanding:
        blocks += [
            Subheading("Reports not received"),
            Bullets([f"{r.title} ({r.agency}), due {r.due_on:%-d %B %Y}" for r in outstanding]),
        ]
    return blocks


def funding_blocks(request: SectionRequest) -> list[Block]:
    partnership = request.partnership
    year = selectors.financial_year_of(partnership, request.start)
    year_label = selectors.year_name(partnership, year)
    summary = selectors.funding_of(partnership, year)
    if summary is None:
        return [Paragraph(f"No budget is recorded for {year_label}.")]
    contributions = [
        (c.agency.name, [_pounds(c.money), _pounds(c.in_kind)]) for c in summary.contributions
    ]
    contributions.append(("All partners", [_pounds(summary.money), _pounds(summary.in_kind)]))
    spending = [(s.get_area_display(), [_pounds(s.amount)]) for s in summary.spending]
    spending.append(("All spending", [_pounds(summary.spent)]))
    return [
        TableBlock(
            disclosure.grid(
                f"Partners' contributions, {year_label} (£)",
                "Partner",
                ["Financial contribution", "In kind (estimated value)"],
                contributions,
            )
        ),
        TableBlock(
            disclosure.grid(f"Spending by area, {year_label} (£)", "Area", ["Spent"], spending)
        ),
        Paragraph(
            f"Brought forward £{summary.year.brought_forward:,.0f}; partners contributed "
            f"£{summary.money:,.0f} in money and £{summary.in_kind:,.0f} in kind; "
            f"£{summary.spent:,.0f} was spent, leaving a balance of £{summary.balance:,.0f} "
            "to carry forward."
        ),
    ]


def build(request: SectionRequest) -> list[Block]:
    return [
        Subheading("Attendance"),
        *attendance_blocks(request),
        Subheading("Assurance received by the board"),
        *assurance_blocks(request),
        Subheading("Funding"),
        *funding_blocks(request),
    ]


def register() -> None:
    register_section(
        "governance",
        "Governance, assurance and funding",
        build,
        order=15,
        kinds=("annual",),
        owner="Partnership business manager",
    )
