"""The child death review section of the partnership's annual report, registered with the
reports app's section registry in ``CdopConfig.ready()``.

The builder returns un-suppressed ``disclosure`` tables (the report assembler applies the one
rule: the published edition suppresses small numbers with secondary suppression, the internal
one shows them): the year's every measure in one table (so that the sums tying deaths, places,
categories and open cases together are checked together) beside the national figures, the
headline measures over five years, and the trend chart with its figures.
"""

from __future__ import annotations

from lineofsight import disclosure
from lineofsight.cdop import presentation, selectors
from lineofsight.cdop.statistics import YearStats, reporting_year, year_label
from lineofsight.reports.content import Block, ChartBlock, Paragraph, TableBlock
from lineofsight.reports.registry import SectionRequest, register_section


def annual_report_section(request: SectionRequest) -> list[Block]:
    year = reporting_year(request.start)
    all_stats = selectors.statistics_of(request.partnership, list(range(year - 4, year + 1)))
    national = selectors.comparators()
    stats = all_stats[-1]
    figures = presentation.year_figures(
        stats, exact=request.edition == "internal", national=national.get(year)
    )
    return [
        Paragraph(
            f"In {year_label(year)} the partnership was notified of {_words(figures)}; the "
            f"child death overview panel completed {_reviews(figures)}."
        ),
        TableBlock(presentation.year_table(stats, national.get(year))),
        TableBlock(presentation.trend_table(all_stats)),
        _trend_chart(all_stats, national),
    ]


def _trend_chart(all_stats: list[YearStats], national: dict[int, dict[str, float]]) -> ChartBlock:
    rows = []
    for s in all_stats:
        england = national.get(s.year, {})
        rows.append(
            (
                s.label,
                [
                    disclosure.percent(s.within_12_months, s.reviewed),
                    disclosure.percent(s.modifiable, s.reviewed),
                    disclosure.number(england.get("within_12_months_pct")),
                    disclosure.number(england.get("modifiable_pct")),
                ],
            )
        )
    table = disclosure.grid(
        "Child death reviews: timeliness and modifiable factors by year",
        "Year",
        [
            "Reviewed within 12 months",
            "With modifiable factors",
            "England: within 12 months",
            "England: modifiable",
        ],
        rows,
    )
    return ChartBlock(
        table,
        "line",
        "Line chart of the percentage of the panel's reviews completed within 12 months of the "
        "death and the percentage with modifiable factors, by reporting year, with the national "
        "figures where entered. The figures are in the table that follows.",
        unit_suffix="%",
    )


def _first(figures: list[presentation.Figure], label: str) -> object:
    return next(f.value for f in figures if f.label == label and f.unit == "")


def _words(figures: list[presentation.Figure]) -> str:
    notified = _first(figures, "Deaths notified")
    if notified == 1:
        return "1 child's death"
    if notified == 0:
        return "no child deaths"
    if notified == disclosure.SUPPRESSED:
        return "a small number (fewer than 6) of child deaths"
    return f"{notified} child deaths"


def _reviews(figures: list[presentation.Figure]) -> str:
    reviewed = _first(figures, "Reviews completed by the panel")
    if reviewed == 1:
        return "1 review"
    if reviewed == 0:
        return "no reviews"
    if reviewed == disclosure.SUPPRESSED:
        return "a small number (fewer than 6) of reviews"
    return f"{reviewed} reviews"


def register() -> None:
    register_section(
        "child_deaths",
        "Child deaths",
        annual_report_section,
        order=160,
        kinds=("annual",),
        owner="Child death review coordinator",
    )
