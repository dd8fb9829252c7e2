"""The statistics page's tables: every measure of a reporting year, in words, with the national
comparator where one is entered, and small numbers suppressed for those outside the CDOP roles
through ``lineofsight.disclosure`` (the one rule, with secondary suppression across the year's
totals).  Also the over-years table, the CSV/Excel rows (one row per figure), the trend chart and
the raw tables the annual report's section hands to the report assembler."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lineofsight import disclosure
from lineofsight.cdop import reference
from lineofsight.cdop.statistics import YearStats
from lineofsight.disclosure import Cell, Protected, Sum, Table

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


@dataclass(frozen=True)
class _Row:
    section: str
    label: str
    unit: str = ""
    key: str = ""


class _Builder:
    """The year's figures as one ``disclosure.Table`` (one row per figure), with the sums that
    tie its counts together, so secondary suppression sees every way to work a count out."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.cells: list[Cell] = []
        self.sums: list[Sum] = []

    def add(self, row: _Row, cell: Cell) -> int:
        self.rows.append(row)
        self.cells.append(cell)
        return len(self.rows) - 1

    def count(self, section: str, label: str, n: int) -> int:
        return self.add(_Row(section, label), disclosure.count(n))

    def pct(
        self, section: str, label: str, part: int, whole: int, key: str = "", of: int | None = None
    ) -> int:
        """``part`` of ``whole`` (``of``: the row holding ``part`` as a count, if there is one)."""
        depends = [(of, 0)] if of is not None else []
        return self.add(_Row(section, label, "%", key), disclosure.percent(part, whole, depends))

    def total(self, total: int, parts: Sequence[int], name: str) -> None:
        if parts:
            self.sums.append(Sum((total, 0), tuple((p, 0) for p in parts), name))

    def table(self, title: str, national: dict[str, float] | None = None) -> Table:
        """One row per figure; with ``national``, a second column of the published national
        figures (public numbers, not counts)."""
        columns = ["This partnership"] if national is None else ["This partnership", "England"]
        cells = [
            [cell]
            if national is None
            else [
                cell,
                disclosure.number(national.get(row.key)) if row.key else disclosure.missing(),
            ]
            for row, cell in zip(self.rows, self.cells, strict=True)
        ]
        return Table(title, "Measure", columns, [_label(r) for r in self.rows], cells, self.sums)


def _label(row: _Row) -> str:
    unit = {"%": " (%)", "days": " (days)", "per 100,000": ""}.get(row.unit, "")
    if row.label == row.section:
        return f"{row.label}{unit}"
    return f"{row.section}: {row.label}{unit}"


def _year_builder(s: YearStats) -> _Builder:
    b = _Builder()
    notified = b.count("Deaths notified", "Deaths notified", s.notified)
    b.add(
        _Row("Deaths notified", "Rate per 100,000 children", "per 100,000", "rate_per_100k"),
        disclosure.rate_per(s.notified, s.population, 100_000, [(notified, 0)])
        if s.population
        else disclosure.missing(),
    )
    under_one = b.count("Deaths notified", "Under one year", s.under_one)
    b.pct("Deaths notified", "Under one year", s.under_one, s.notified, "under_one_pct", under_one)
    expected = b.count("Deaths notified", "Expected", s.expected)
    unexpected = b.count("Deaths notified", "Unexpected", s.unexpected)
    b.total(notified, [expected, unexpected], "deaths notified, expected and unexpected")
    b.pct("Deaths notified", "Unexpected", s.unexpected, s.notified, "unexpected_pct", unexpected)
    places = []
    for code, name in reference.PlaceOfDeath.choices:
        n = s.places.get(code, 0)
        places.append(b.count("Place of death", str(name), n))
        b.pct("Place of death", str(name), n, s.notified, f"place:{code}", places[-1])
    b.total(notified, places, "deaths notified by place of death")
    reviewed = b.count("Reviews", "Reviews completed by the panel", s.reviewed)
    b.add(
        _Row("Reviews", "Median days from death to panel review", "days", "median_days_to_review"),
        disclosure.number(s.median_days_to_review, s.reviewed, [(reviewed, 0)], places=1),
    )
    label = "Completed within 12 months of the death"
    within = b.count("Reviews", label, s.within_12_months)
    b.pct("Reviews", label, s.within_12_months, s.reviewed, "within_12_months_pct", within)
    open_total = b.count("Reviews", "Open at year end (awaiting panel review)", s.open_at_year_end)
    bands = [
        b.count("Reviews", f"Open at year end, {words}", s.open_bands.get(band, 0))
        for band, words in _BANDS.items()
    ]
    b.total(open_total, bands, "open at year end by time since the death")
    label = "Reviews with modifiable factors"
    modifiable = b.count("Modifiable factors", label, s.modifiable)
    b.pct("Modifiable factors", label, s.modifiable, s.reviewed, "modifiable_pct", modifiable)
    for domain, name in _DOMAINS.items():
        n = s.modifiable_by_domain.get(domain, 0)
        b.pct("Modifiable factors", f"Factor graded 2 in: {name}", n, s.reviewed)
    categories = []
    for code, name in reference.CATEGORIES:
        n = s.categories.get(code, 0)
        categories.append(b.count("Category of death", name, n))
        b.pct("Category of death", name, n, s.reviewed, f"category:{code}", categories[-1])
        b.pct(
            "Category of death",
            f"{name}: with modifiable factors",
            s.modifiable_by_category.get(code, 0),
            n,
            of=None,
        )
    if s.categories.get("not_recorded"):
        categories.append(
            b.count("Category of death", "Not recorded", s.categories["not_recorded"])
        )
    b.total(reviewed, categories, "reviews by category")
    for wording, n in s.top_factors:
        b.count("Factors most often recorded", wording, n)
    b.count("Panel meetings", "Panel meetings held", s.meetings)
    for agency, n in sorted(s.attendance.items()):
        b.pct("Panel meetings", f"Attended by {agency}", n, s.meetings, of=None)
    statuses = [
        b.count("Actions raised", f"Actions: {status.replace('_', ' ')}", n)
        for status, n in sorted(s.actions.items())
    ]
    raised = b.count("Actions raised", "Actions raised in the year", sum(s.actions.values()))
    b.total(raised, statuses, "actions raised by status")
    return b


def year_table(stats: YearStats, national: dict[str, float] | None = None) -> Table:
    """Every figure of the year before disclosure control, beside the national figures where
    any are entered (for the report's assembler)."""
    return _year_builder(stats).table(
        f"Child death reviews, {stats.label}: every measure", national or None
    )


def _value(shown: Protected, position: tuple[int, int]) -> Any:
    """What the page shows: None (not available), "c" (suppressed) or the figure."""
    cell = shown.table.cell(position)
    if cell.kind == "missing" or (cell.kind != "count" and cell.value is None):
        return None
    if position in shown.hidden:
        return disclosure.SUPPRESSED
    if cell.kind == "count":
        return cell.count
    assert cell.value is not None
    return float(cell.value)


def _protected(table: Table, exact: bool) -> Protected:
    return disclosure.unprotected(table) if exact else disclosure.protect(table)


def year_figures(
    stats: YearStats, *, exact: bool, national: dict[str, float] | None = None
) -> list[Figure]:
    """Every figure of the year, in page order (``exact``: no disclosure control)."""
    nat = national or {}
    builder = _year_builder(stats)
    shown = _protected(builder.table(stats.label), exact)
    return [
        Figure(
            row.section,
            row.label,
            _value(shown, (index, 0)),
            row.unit,
            nat.get(row.key) if row.key else None,
            row.key,
        )
        for index, row in enumerate(builder.rows)
    ]


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


def trend_table(all_stats: Sequence[YearStats]) -> Table:
    """The headline measures over the years before disclosure control (a column per year)."""
    return disclosure.grid(
        "Child death reviews: headline measures by year",
        "Measure",
        [s.label for s in all_stats],
        [
            (
                label,
                [
                    disclosure.count(part(s))
                    if whole is None
                    else disclosure.percent(part(s), whole(s))
                    for s in all_stats
                ],
            )
            for label, part, whole in TREND_MEASURES
        ],
    )


def trend_rows(all_stats: Sequence[YearStats], *, exact: bool) -> list[tuple[str, list[Any]]]:
    """The headline measures over the years (one row each, a column per year)."""
    shown = _protected(trend_table(all_stats), exact)
    return [
        (label, [_value(shown, (r, c)) for c in range(len(all_stats))])
        for r, (label, _part, _whole) in enumerate(TREND_MEASURES)
    ]


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
    return str(_PLACES.get(code, code))


def category_label(code: str) -> str:
    return _CATEGORIES.get(code, code)


def _plotted(value: Any) -> float | None:
    """A chart plots numbers only: a suppressed ("c") or missing figure is a gap."""
    return float(value) if isinstance(value, int | float) else None


def trend_chart(
    all_stats: Sequence[YearStats], *, exact: bool, national: dict[int, dict[str, float]]
) -> str:
    """The share reviewed within 12 months and the share with modifiable factors by year, with
    the national figures where entered (accessible SVG, ``charts``), drawn from the protected
    trend figures (a suppressed year is a gap)."""
    from lineofsight.charts import benchmark_chart

    rows = dict(trend_rows(all_stats, exact=exact))
    series: list[tuple[str, Sequence[float | None]]] = [
        ("Reviewed within 12 months", [_plotted(v) for v in rows["% reviewed within 12 months"]]),
        ("With modifiable factors", [_plotted(v) for v in rows["% with modifiable factors"]]),
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
