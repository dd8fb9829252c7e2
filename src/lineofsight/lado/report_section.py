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
    published = request.edition == "published"
    period_tables = statistics.period_tables(facts, request.start, request.end)
    blocks: list[Block] = []
    if request.kind == "annual":
        last = reporting_year(request.end)
        years = list(range(last - 4, last + 1))
        by_year = statistics.year_on_year(facts, years)
        blocks.append(Paragraph(_year_words(by_year, request.period_label, published)))
        blocks.append(TableBlock(by_year))
        blocks.append(
            ChartBlock(
                _trend(facts, years),
                "line",
                "Line chart of the referrals the LADO received and those meeting the harm "
                "threshold by reporting year. The figures are in the table that follows.",
            )
        )
        blocks.append(TableBlock(statistics.consultations(facts, years)))
    else:
        blocks.append(
            Paragraph(
                f"In {request.period_label} the designated officer (LADO) received "
                f"{_referrals(len(chosen), request.edition)} about people who work with "
                "children."
            )
        )
    if not met and not chosen:
        blocks.append(Paragraph("No referrals were received in the period."))
    else:
        blocks += [Paragraph(text) for text in _period_words(period_tables, published) if text]
    blocks += [TableBlock(t) for t in period_tables]
    return blocks


def _shown(table: disclosure.Table, published: bool) -> list[list[str]]:
    """The figures as the edition shows them (sentences never give what a table hides)."""
    return (disclosure.protect(table) if published else disclosure.unprotected(table)).shown


def _figure(value: str) -> bool:
    return value not in (disclosure.SUPPRESSED, ":", "")


def _number(shown: str) -> int:
    return int(shown.replace(",", ""))


def _year_words(table: disclosure.Table, label: str, published: bool) -> str:
    """The year on the year before, from the year-on-year table (newest year first)."""
    shown = _shown(table, published)
    now = dict(zip(table.columns, shown[0], strict=True))
    before = dict(zip(table.columns, shown[1], strict=True)) if len(shown) > 1 else {}
    referrals, share = now["Referrals"], now["% met threshold"]
    if not _figure(referrals):
        return (
            f"In {label} the designated officer (LADO) received fewer than 6 referrals about "
            "people who work with children."
        )
    noun = "referral" if referrals == "1" else "referrals"
    text = (
        f"In {label} the designated officer (LADO) received {referrals} {noun} about people "
        "who work with children"
    )
    change = now["Change in referrals (%)"]
    if _figure(change) and before and _figure(before.get("Referrals", "")):
        direction = "more" if float(change) > 0 else "fewer"
        text += (
            f", {abs(float(change)):.1f}% {direction} than in {table.row_labels[1]} "
            f"({before['Referrals']})"
            if float(change)
            else f", as many as in {table.row_labels[1]}"
        )
    if now["Met threshold"] == "0":
        text += ". None met the harm threshold"
    elif _figure(share) and _figure(now["Met threshold"]):
        text += f". {now['Met threshold']} ({share}%) met the harm threshold"
        earlier = before.get("% met threshold", "")
        if _figure(earlier):
            text += f", against {earlier}% the year before"
    return text + "."


def _period_words(tables: list[disclosure.Table], published: bool) -> list[str]:
    """What the period's breakdowns show: the sector most referrals came from and how often
    each timeliness standard was met."""
    found = {t.title: t for t in tables}
    words = []
    sectors = found.get("Referrals and those meeting the threshold, by employing sector")
    if sectors is not None:
        shown = _shown(sectors, published)
        rows = [
            (label, values)
            for label, values in zip(sectors.row_labels, shown, strict=True)
            if label != "Total" and _figure(values[0])
        ]
        labelled = zip(sectors.row_labels, shown, strict=True)
        total = next((v for label, v in labelled if label == "Total"), None)
        if rows and total and _figure(total[0]):
            label, values = max(rows, key=lambda row: _number(row[1][0]))
            share = disclosure.percentage(_number(values[0]), _number(total[0]))
            words.append(
                f"Most referrals concerned people working in {label[0].lower()}{label[1:]} "
                f"({values[0]}, {share}% of all)."
            )
    timely = found.get("Timeliness against the standards")
    if timely is not None:
        shown = _shown(timely, published)
        met = [
            f"{label[0].lower()}{label[1:]}, {values[-1]}%"
            for label, values in zip(timely.row_labels, shown, strict=True)
            if _figure(values[-1])
        ]
        if met:
            words.append("Against the standards: " + "; ".join(met) + ".")
    return words


def _referrals(n: int, edition: str) -> str:
    """The count in words; in the published edition a count of 1 to 5 is not given."""
    if edition == "published" and is_small(n):
        return "fewer than 6 referrals"
    return "1 referral" if n == 1 else f"{n:,} referrals"


def _trend(facts: statistics.Facts, years: list[int]) -> disclosure.Table:
    """One row a year (the chart's x axis), one column a line."""
    rows = []
    for year in years:
        start, end = year_bounds(year)
        rows.append(
            (
                year_label(year),
                [
                    disclosure.count(len(statistics.received(facts, start, end))),
                    disclosure.count(len(statistics.met(facts, start, end))),
                ],
            )
        )
    return disclosure.grid(
        "LADO referrals and those meeting the threshold by year",
        "Reporting year",
        ["Referrals", "Met threshold"],
        rows,
    )


def register() -> None:
    register_section(
        "lado",
        "Allegations against people who work with children (LADO)",
        build,
        order=150,
        owner="Local authority designated officer (LADO)",
    )
