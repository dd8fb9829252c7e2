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
    exact = request.edition == "internal"
    figures = presentation.year_figures(stats, exact=exact, national=national.get(year))
    before = (
        presentation.year_figures(all_stats[-2], exact=exact, national=national.get(year - 1))
        if len(all_stats) > 1
        else []
    )
    return [
        Paragraph(
            f"In {year_label(year)} the partnership was notified of {_words(figures)}; the "
            f"child death overview panel completed {_reviews(figures)}."
        ),
        *[Paragraph(text) for text in _analysis(figures, before, all_stats) if text],
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


def _get(figures: list[presentation.Figure], section: str, label: str, unit: str = "") -> str:
    """A figure as the edition shows it, or "" where it is suppressed or not available."""
    for f in figures:
        if f.section == section and f.label == label and f.unit == unit:
            if f.value is None or f.value == disclosure.SUPPRESSED:
                return ""
            if isinstance(f.value, float) and (unit in ("%", "per 100,000") or f.value % 1):
                return f"{f.value:.1f}"
            return f"{round(f.value):,}"
    return ""


def _analysis(
    figures: list[presentation.Figure],
    before: list[presentation.Figure],
    all_stats: list[YearStats],
) -> list[str]:
    """The year's deaths and reviews in sentences: the share unexpected, timeliness against the
    year before, modifiable factors, the commonest category and the reviews still open.  Only
    figures the edition shows are used (a suppressed figure leaves its clause out)."""
    texts = []
    notified = _get(figures, "Deaths notified", "Deaths notified")
    rate = _get(figures, "Deaths notified", "Rate per 100,000 children", "per 100,000")
    unexpected = _get(figures, "Deaths notified", "Unexpected")
    unexpected_pct = _get(figures, "Deaths notified", "Unexpected", "%")
    under_one_pct = _get(figures, "Deaths notified", "Under one year", "%")
    parts = []
    if notified and rate:
        parts.append(f"The {notified} deaths are a rate of {rate} per 100,000 children")
    if unexpected and unexpected_pct:
        were = "was" if unexpected == "1" else "were"
        parts.append(f"{unexpected} ({unexpected_pct}%) {were} unexpected")
    if under_one_pct:
        parts.append(f"{under_one_pct}% were of babies under one year old")
    if parts:
        text = "; ".join(parts)
        texts.append(text[0].upper() + text[1:] + ".")
    label = "Completed within 12 months of the death"
    within = _get(figures, "Reviews", label, "%")
    median = _get(figures, "Reviews", "Median days from death to panel review", "days")
    earlier = _get(before, "Reviews", label, "%")
    if within:
        text = f"{within}% of the reviews were completed within 12 months of the death"
        if earlier and len(all_stats) > 1:
            text += f" ({earlier}% in {all_stats[-2].label})"
        if median:
            text += f"; the median time from death to review was {median} days"
        texts.append(text + ".")
    modifiable = _get(figures, "Modifiable factors", "Reviews with modifiable factors", "%")
    if modifiable:
        texts.append(f"The panel found modifiable factors in {modifiable}% of its reviews.")
    categories = [
        (f.label, f.value)
        for f in figures
        if f.section == "Category of death"
        and f.unit == ""
        and isinstance(f.value, int)
        and f.label != "Not recorded"
    ]
    if categories:
        name, n = max(categories, key=lambda c: c[1])
        share = _get(figures, "Category of death", name, "%")
        if n and share:
            texts.append(
                f"The commonest category of death was {name[0].lower()}{name[1:]} "
                f"({n}, {share}% of the reviews)."
            )
    still_open = _get(figures, "Reviews", "Open at year end (awaiting panel review)")
    overdue = _get(figures, "Reviews", "Open at year end, past the overdue point")
    if still_open:
        were = "death was" if still_open == "1" else "deaths were"
        text = f"{still_open} {were} awaiting the panel's review at the end of the year"
        past = overdue and overdue != "0"
        texts.append(text + (f", {overdue} of them past the overdue point." if past else "."))
    return texts


def _first(figures: list[presentation.Figure], label: str) -> object:
    return next(f.value for f in figures if f.label == label and f.unit == "")


def _counted(figures: list[presentation.Figure], label: str, one: str, many: str) -> str:
    """The figure ``label`` in words ("1 review", "no reviews", "12 reviews"), a suppressed one
    as "a small number"."""
    count = _first(figures, label)
    if count == 1:
        return f"1 {one}"
    if count == 0:
        return f"no {many}"
    if count == disclosure.SUPPRESSED:
        return f"a small number (fewer than 6) of {many}"
    return f"{count} {many}"


def _words(figures: list[presentation.Figure]) -> str:
    return _counted(figures, "Deaths notified", "child's death", "child deaths")


def _reviews(figures: list[presentation.Figure]) -> str:
    return _counted(figures, "Reviews completed by the panel", "review", "reviews")


def register() -> None:
    register_section(
        "child_deaths",
        "Child deaths",
        annual_report_section,
        order=160,
        kinds=("annual",),
        owner="Child death review coordinator",
    )
