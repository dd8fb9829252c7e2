"""Local context: the child population and how many children are known to services."""

from __future__ import annotations

from lineofsight import disclosure
from lineofsight.partnership.models import Population
from lineofsight.reports.content import Block, Paragraph, TableBlock
from lineofsight.reports.registry import SectionRequest
from lineofsight.reports.sections.figures import indicator_blocks


def local_context(request: SectionRequest) -> list[Block]:
    populations = list(
        Population.objects.filter(
            partnership=request.partnership, year__lte=request.end.year
        ).order_by("-year")[:5]
    )
    blocks: list[Block] = []
    if populations:
        latest = populations[0]
        blocks.append(
            Paragraph(
                f"{latest.under_18:,} children and young people under 18 lived in "
                f"{request.partnership.name} (ONS mid-year estimate {latest.year})."
            )
        )
        blocks.append(
            TableBlock(
                disclosure.grid(
                    "Children under 18 (ONS mid-year estimates)",
                    "Year",
                    ["Children under 18"],
                    [(str(p.year), [disclosure.number(p.under_18)]) for p in reversed(populations)],
                )
            )
        )
    else:
        blocks.append(Paragraph("No population estimate is recorded for this partnership."))
    if request.kind == "annual":
        blocks += indicator_blocks(request, ["cin_rate_per_10k", "cla_rate_per_10k"])[:1]
    return blocks
