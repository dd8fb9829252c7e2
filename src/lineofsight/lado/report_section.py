"""The LADO section of the partnership's quarterly and annual reports (``reports.registry``).

The builder returns the same tables as the statistics page (``statistics``), unsuppressed: the
report's assembler puts every table through ``lineofsight.disclosure`` for the published edition.
The annual report opens with the year-on-year table over the five reporting years to the
period's end, and its chart; both kinds then carry the period's breakdowns.
"""

from __future__ import annotations

from lineofsight import disclosure
from lineofsight.disclosure.suppress import is_small
from lineofsight.lado import selectors, statistics
from lineofsight.lado.statistics import reporting_year, year_bounds, year_label
from lineofsight.reports.content import Block, ChartBlock, Paragraph, TableBlock
from lineofsight.reports.registry import SectionRequest, register_section


def build(request: SectionRequest) -> list[Block]:
    facts = selectors.facts_of(request.partnership)
    chosen = statistics.received(facts, request.start, request.end)
    met = [r for r in chosen if r.threshold_met]
    blocks: list[Block] = [
        Paragraph(
            f"In {request.period_label} the designated officer (LADO) received "
            f"{_referrals(len(chosen), request.edition)} about people who work with children; "
            "the tables show how "
            "many met the harm threshold, in which sectors, with what outcome and how quickly. "
            "Numbers from 1 to 5 are shown as c in the published edition."
        )
    ]
    if request.kind == "annual":
        last = reporting_year(request.end)
        years = list(range(last - 4, last + 1))
        blocks.append(TableBlock(statistics.year_on_year(facts, years)))
        blocks.append(
            ChartBlock(
                _trend(facts, years),
                "line",
                "Line chart of the referrals the LADO received and those meeting the harm "
                "threshold by reporting year. The figures are in the table that follows.",
            )
        )
        blocks.append(TableBlock(statistics.consultations(facts, years)))
    if not met and not chosen:
        blocks.append(Paragraph("No referrals were received in the period."))
    blocks += [TableBlock(t) for t in statistics.period_tables(facts, request.start, request.end)]
    return blocks


def _referrals(n: int, edition: str) -> str:
    """The count in words; in the published edition a count of 1 to 5 is not given."""
    if edition == "published" and is_small(n):
        return "fewer than 6 referrals"
    return "1 referral" if n == 1 else f"{n:,} referrals"


def _trend(facts: statistics.Facts, years: list[int]) -> disclosure.Table:
    received, met = [], []
    for year in years:
        start, end = year_bounds(year)
        received.append(disclosure.count(len(statistics.received(facts, start, end))))
        met.append(disclosure.count(len(statistics.met(facts, start, end))))
    return disclosure.grid(
        "LADO referrals and those meeting the threshold by year",
        "Measure",
        [year_label(y) for y in years],
        [("Referrals", received), ("Met threshold", met)],
    )


def register() -> None:
    register_section(
        "lado",
        "Allegations against people who work with children (LADO)",
        build,
        order=150,
        owner="Local authority designated officer (LADO)",
    )
