"""The year at a glance: before the sections, what the indicators say across all of them, as
the foreword of a partnership's report does, but from the figures: which measures moved beyond
what chance would explain (their statistical process control charts), in which direction, and
which are worse than both England and the statistical neighbours.

Only indicator titles and section names are given here (no figures), so the published edition
needs nothing suppressed; each figure is in its section, under disclosure control there.
"""

from __future__ import annotations

from collections.abc import Sequence

from lineofsight.indicators import catalogue
from lineofsight.indicators.periods import parse_period
from lineofsight.performance.selectors import Sources, summarise
from lineofsight.reports.content import Block, Bullets, Paragraph, Subheading
from lineofsight.reports.registry import SectionRequest
from lineofsight.reports.sections.figures import too_sparse

GROUPS = (
    ("concern", "Getting worse beyond what chance would explain"),
    ("improvement", "Improving beyond what chance would explain"),
    ("unusual", "Changed beyond chance where neither direction is better: to look into"),
    ("worse_than_benchmarks", "Worse than both England and the statistical neighbours"),
)


def _were(n: int) -> str:
    return f"{n} was" if n == 1 else f"{n} were"


def at_a_glance(
    sections: Sequence[tuple[str, Sequence[str]]], request: SectionRequest
) -> list[Block]:
    """``sections``: (section title, indicator ids) for each indicator section, in order."""
    year = parse_period(request.period_label)
    wanted = [
        (title, catalogue.get(i))
        for title, ids in sections
        for i in ids
        if i in catalogue.CATALOGUE
    ]
    sources = Sources(request.partnership, [spec for _, spec in wanted], year)
    found: dict[str, list[str]] = {key: [] for key, _ in GROUPS}
    for title, spec in wanted:
        summary = summarise(request.partnership, spec, request.period_label, sources)
        if summary.headline is None and not summary.monthly:
            continue
        sparse = too_sparse(spec, summary.monthly)  # its section gives no control chart either
        for key, _ in GROUPS:
            if sparse and key != "worse_than_benchmarks":
                continue
            if getattr(summary, key):
                found[key].append(f"{spec.title} ({title.lower()})")
    blocks: list[Block] = [
        Paragraph(
            f"Across {len(wanted)} measures in the sections that follow, "
            f"{len(found['concern'])} got worse and {len(found['improvement'])} improved "
            f"beyond what chance would explain in {request.period_label}, and "
            f"{_were(len(found['worse_than_benchmarks']))} worse than both England and the "
            "statistical neighbours in the latest published year. Each is explained, with its "
            "figures and charts, in its section."
        )
    ]
    for key, heading in GROUPS:
        if found[key]:
            blocks += [Subheading(heading), Bullets(found[key])]
    return blocks
