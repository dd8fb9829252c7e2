"""Report sections: a registry that apps add their sections to, in their ``AppConfig.ready()``.

A section is a key, a title, an order in the report, the report kinds it appears in, who owns
its narrative and a builder.  The builder takes a ``SectionRequest`` and returns the section's
"What does the information tell us?" blocks (tables and charts as ``disclosure.Table``s, never
pre-suppressed: the assembler applies disclosure control).  CDOP, LADO, workforce and
governance register theirs the same way; nothing in ``reports`` changes when they arrive::

    from lineofsight.reports.registry import register_section

    def build(request):
        return [Paragraph(f"{deaths_reviewed(request.partnership, request.period)} reviews ...")]

    register_section("child_deaths", "Child deaths", build, order=160,
                     owner="Child death review coordinator")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from lineofsight.reports.content import Block

KINDS = ("quarterly", "annual")


@dataclass(frozen=True)
class SectionRequest:
    """What a builder is asked for: one partnership, one reporting period."""

    partnership: Any
    kind: str  # quarterly | annual
    period_label: str  # "2020-21" or "2021-22 Q1"
    start: date
    end: date
    edition: str  # internal | published


Builder = Callable[[SectionRequest], Sequence[Block]]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    build: Builder
    order: int
    kinds: tuple[str, ...]
    owner: str


_SECTIONS: dict[str, SectionSpec] = {}


def register_section(
    key: str,
    title: str,
    build: Builder,
    *,
    order: int = 100,
    kinds: Sequence[str] = KINDS,
    owner: str = "Partnership business manager",
) -> None:
    """Add (or replace) the section ``key``; ``order`` places it in the report."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown report kind(s) {sorted(unknown)}: use {KINDS}")
    _SECTIONS[key] = SectionSpec(key, title, build, order, tuple(kinds), owner)


def sections(kind: str | None = None) -> list[SectionSpec]:
    chosen = [s for s in _SECTIONS.values() if kind is None or kind in s.kinds]
    return sorted(chosen, key=lambda s: (s.order, s.key))


def section(key: str) -> SectionSpec:
    try:
        return _SECTIONS[key]
    except KeyError:
        raise KeyError(f"No report section {key!r} is registered") from None
