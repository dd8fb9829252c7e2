"""The child death review section of the partnership's annual report (for the reports app's
section registry; registered there when it lands on main).

``annual_report_section(partnership, year)`` returns the published edition: small numbers
suppressed (``disclosure``) whoever runs the report, the year's figures against the national
ones, the headline measures over the last five years and the trend chart (accessible SVG).
"""

from __future__ import annotations

from typing import Any

from lineofsight.cdop import presentation, selectors
from lineofsight.cdop.statistics import year_label


def annual_report_section(partnership: Any, year: int) -> dict[str, Any]:
    years = list(range(year - 4, year + 1))
    all_stats = selectors.statistics_of(partnership, years)
    national = selectors.comparators()
    stats = all_stats[-1]
    figures = presentation.year_figures(stats, exact=False, national=national.get(year))
    return {
        "title": "Child death reviews",
        "year": year_label(year),
        "summary": (
            f"In {year_label(year)} the partnership was notified of {_words(figures)} and the "
            "panel completed the reviews shown below. Numbers from 1 to 5 are shown as c."
        ),
        "tables": presentation.sections(figures),
        "trend_years": [s.label for s in all_stats],
        "trend": presentation.trend_rows(all_stats, exact=False),
        "chart_svg": presentation.trend_chart(all_stats, exact=False, national=national),
    }


def _words(figures: list[presentation.Figure]) -> str:
    notified = next(f.value for f in figures if f.label == "Deaths notified")
    if notified == 1:
        return "1 child's death"
    if notified == 0:
        return "no child deaths"
    if notified == "c":
        return "a small number (fewer than 6) of child deaths"
    return f"{notified} child deaths"
