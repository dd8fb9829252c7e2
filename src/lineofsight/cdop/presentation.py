"""The statistics page's tables: every measure of a reporting year, in words, with the national
comparator where one is entered, and small numbers suppressed for those outside the CDOP roles
(``disclosure``).  Also the over-years table and the CSV/Excel rows (one row per figure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lineofsight.cdop import disclosure, reference
from lineofsight.cdop.statistics import YearStats, percent

_DOMAINS = dict(reference.Domain.choices)
_PLACES = dict(reference.PlaceOfDeath.choices)
_CATEGORIES = dict(reference.CATEGORIES)
_BANDS = {
    "under_warning": "under the first warning",
    "warning": "past the first warning",
    "overdue": "past the overdue point",
}

# National comparators a coordinator may enter per year (NCMD publishes them): key -> label.
COMPARATOR_MEASURES: dict[str, str] = {
    "rate_per_100k": "Deaths per 100,000 children",
    "under_one_pct": "% of deaths under one year",
    "unexpected_pct": "% of deaths unexpected",
    "within_12_months_pct": "% of reviews completed within 12 months",
    "median_days_to_review": "Median days from death to panel review",
    "modifiable_pct": "% of reviews with modifiable factors",
    **{f"category:{code}": f"% of reviews: {name}" for code, name in reference.CATEGORIES},
    **{f"place:{code}": f"% of deaths: {name}" for code, name in reference.PlaceOfDeath.choices},
}


@dataclass(frozen=True)
class Figure:
    section: str
    label: str
    value: Any  # int, float, "c" (suppressed) or None (not available)
    unit: str = ""  # "", "%", "days", "per 100,000"
    national: float | None = None
    key: str = ""  # the comparator key, where there is one


def _pct(
    section: str,
    label: str,
    part: int,
    whole: int,
    exact: bool,
    national: dict[str, float],
    key: str = "",
) -> Figure:
    value = disclosure.percent(percent(part, whole), part, whole, exact=exact)
    return Figure(section, label, value, "%", national.get(key), key)


def year_figures(
    stats: YearStats, *, exact: bool, national: dict[str, float] | None = None
) -> list[Figure]:
    """Every figure of the year, in page order."""
    nat = national or {}
    count = lambda n: disclosure.count(n, exact=exact)  # noqa: E731
    s = stats
    out = [
        Figure("Deaths notified", "Deaths notified", count(s.notified)),
        Figure(
            "Deaths notified",
            "Rate per 100,000 children",
            disclosure.derived(s.rate_per_100k, s.notified, exact=exact),
            "per 100,000",
            nat.get("rate_per_100k"),
            "rate_per_100k",
        ),
        Figure("Deaths notified", "Under one year", count(s.under_one)),
        _pct(
            "Deaths notified",
            "Under one year",
            s.under_one,
            s.notified,
            exact,
            nat,
            "under_one_pct",
        ),
        Figure("Deaths notified", "Expected", count(s.expected)),
        Figure("Deaths notified", "Unexpected", count(s.unexpected)),
        _pct(
            "Deaths notified", "Unexpected", s.unexpected, s.notified, exact, nat, "unexpected_pct"
        ),
    ]
    for code, name in reference.PlaceOfDeath.choices:
        n = s.places.get(code, 0)
        out.append(Figure("Place of death", name, count(n)))
        out.append(_pct("Place of death", name, n, s.notified, exact, nat, f"place:{code}"))
    out += [
        Figure("Reviews", "Reviews completed by the panel", count(s.reviewed)),
        Figure(
            "Reviews",
            "Median days from death to panel review",
            disclosure.derived(s.median_days_to_review, s.reviewed, exact=exact),
            "days",
            nat.get("median_days_to_review"),
            "median_days_to_review",
        ),
        Figure("Reviews", "Completed within 12 months of the death", count(s.within_12_months)),
        _pct(
            "Reviews",
            "Completed within 12 months of the death",
            s.within_12_months,
            s.reviewed,
            exact,
            nat,
            "within_12_months_pct",
        ),
        Figure("Reviews", "Open at year end (awaiting panel review)", count(s.open_at_year_end)),
    ]
    for band, words in _BANDS.items():
        out.append(
            Figure("Reviews", f"Open at year end, {words}", count(s.open_bands.get(band, 0)))
        )
    out += [
        Figure("Modifiable factors", "Reviews with modifiable factors", count(s.modifiable)),
        _pct(
            "Modifiable factors",
            "Reviews with modifiable factors",
            s.modifiable,
            s.reviewed,
            exact,
            nat,
            "modifiable_pct",
        ),
    ]
    for domain, name in _DOMAINS.items():
        n = s.modifiable_by_domain.get(domain, 0)
        out.append(
            _pct("Modifiable factors", f"Factor graded 2 in: {name}", n, s.reviewed, exact, nat)
        )
    for code, name in reference.CATEGORIES:
        n = s.categories.get(code, 0)
        out.append(Figure("Category of death", name, count(n)))
        out.append(_pct("Category of death", name, n, s.reviewed, exact, nat, f"category:{code}"))
        out.append(
            _pct(
                "Category of death",
                f"{name}: with modifiable factors",
                s.modifiable_by_category.get(code, 0),
                n,
                exact,
                nat,
            )
        )
    if s.categories.get("not_recorded"):
        out.append(Figure("Category of death", "Not recorded", count(s.categories["not_recorded"])))
    for wording, n in s.top_factors:
        out.append(Figure("Factors most often recorded", wording, count(n)))
    out.append(Figure("Panel meetings", "Panel meetings held", count(s.meetings)))
    for agency, n in sorted(s.attendance.items()):
        out.append(_pct("Panel meetings", f"Attended by {agency}", n, s.meetings, exact, nat))
    for status, n in sorted(s.actions.items()):
        out.append(Figure("Actions raised", f"Actions: {status.replace('_', ' ')}", count(n)))
    out.append(
        Figure("Actions raised", "Actions raised in the year", count(sum(s.actions.values())))
    )
    return out


def sections(figures: Iterable[Figure]) -> list[tuple[str, list[Figure]]]:
    grouped: dict[str, list[Figure]] = {}
    for figure in figures:
        grouped.setdefault(figure.section, []).append(figure)
    return list(grouped.items())


TREND_MEASURES = [
    ("Deaths notified", lambda s: s.notified, None),
    ("Reviews completed", lambda s: s.reviewed, None),
    ("Open at year end", lambda s: s.open_at_year_end, None),
    ("% under one year", lambda s: s.under_one, lambda s: s.notified),
    ("% reviewed within 12 months", lambda s: s.within_12_months, lambda s: s.reviewed),
    ("% with modifiable factors", lambda s: s.modifiable, lambda s: s.reviewed),
    ("Panel meetings", lambda s: s.meetings, None),
]


def trend_rows(all_stats: Sequence[YearStats], *, exact: bool) -> list[tuple[str, list[Any]]]:
    """The headline measures over the years (one row each, a column per year)."""
    rows = []
    for label, part, whole in TREND_MEASURES:
        values: list[Any] = []
        for s in all_stats:
            if whole is None:
                values.append(disclosure.count(part(s), exact=exact))
            else:
                values.append(
                    disclosure.percent(percent(part(s), whole(s)), part(s), whole(s), exact=exact)
                )
        rows.append((label, values))
    return rows


EXPORT_HEADER = ["Reporting year", "Section", "Measure", "Value", "Unit", "National"]


def export_rows(
    all_stats: Sequence[YearStats], *, exact: bool, national: dict[int, dict[str, float]]
) -> list[list[Any]]:
    return [
        [
            s.label,
            f.section,
            f.label,
            "" if f.value is None else f.value,
            f.unit,
            "" if f.national is None else f.national,
        ]
        for s in all_stats
        for f in year_figures(s, exact=exact, national=national.get(s.year))
    ]


def place_label(code: str) -> str:
    return _PLACES.get(code, code)


def category_label(code: str) -> str:
    return _CATEGORIES.get(code, code)


def _plotted(value: Any) -> float | None:
    """A chart plots numbers only: a suppressed ("c") or missing figure is a gap."""
    return float(value) if isinstance(value, int | float) else None


def trend_chart(
    all_stats: Sequence[YearStats], *, exact: bool, national: dict[int, dict[str, float]]
) -> str:
    """The share reviewed within 12 months and the share with modifiable factors by year, with
    the national figures where entered (accessible SVG, ``charts``)."""
    from lineofsight.charts import benchmark_chart

    within, modifiable = [], []
    for s in all_stats:
        within.append(
            _plotted(
                disclosure.percent(
                    percent(s.within_12_months, s.reviewed),
                    s.within_12_months,
                    s.reviewed,
                    exact=exact,
                )
            )
        )
        modifiable.append(
            _plotted(
                disclosure.percent(
                    percent(s.modifiable, s.reviewed), s.modifiable, s.reviewed, exact=exact
                )
            )
        )
    series: list[tuple[str, Sequence[float | None]]] = [
        ("Reviewed within 12 months", within),
        ("With modifiable factors", modifiable),
    ]
    for key, name in (
        ("within_12_months_pct", "England: within 12 months"),
        ("modifiable_pct", "England: modifiable"),
    ):
        values = [national.get(s.year, {}).get(key) for s in all_stats]
        if any(v is not None for v in values):
            series.append((name, values))
    return benchmark_chart(
        [s.label for s in all_stats],
        series,
        title="Child death reviews: timeliness and modifiable factors by year",
        description="The percentage of the panel's reviews completed within 12 months of the "
        "death and the percentage with modifiable factors, by reporting year, with national "
        "figures where entered. The figures are in the table below.",
        unit_suffix="%",
    )
