"""Each learning theme's recurrence across years and sources, from the registered theme sources.

"Information sharing: 5 case reviews since 2016, 2 multi-agency audits since 2019, 14 actions
since 2016" - computed from the records tagged with the theme (``theme_sources``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import QuerySet

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.theme_sources import Occurrence, ThemeSource, theme_sources


@dataclass(frozen=True)
class KindCount:
    source: ThemeSource
    count: int
    first_year: int
    last_year: int

    def phrase(self) -> str:
        return f"{self.count} {self.source.label(self.count)} since {self.first_year}"


@dataclass
class ThemeRecurrence:
    theme: LearningTheme
    occurrences: list[Occurrence] = field(default_factory=list)
    kinds: list[KindCount] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.occurrences)

    def sentence(self, kinds: tuple[str, ...] | None = None) -> str:
        """``"5 case reviews since 2016, 14 actions since 2017"`` (or ``"Not yet recorded"``)."""
        parts = [k.phrase() for k in self.kinds if kinds is None or k.source.kind in kinds]
        return ", ".join(parts) if parts else "Not yet recorded"

    def years(self) -> list[int]:
        return sorted({o.year for o in self.occurrences})

    def table(self) -> list[tuple[int, list[int]]]:
        """Rows of (year, [count per kind in ``self.kinds`` order]) for every year seen."""
        counts: dict[tuple[int, str], int] = defaultdict(int)
        for o in self.occurrences:
            counts[(o.year, o.kind)] += 1
        return [
            (year, [counts[(year, k.source.kind)] for k in self.kinds]) for year in self.years()
        ]

    def of_kind(self, kind: str) -> list[Occurrence]:
        return sorted(
            (o for o in self.occurrences if o.kind == kind), key=lambda o: (-o.year, o.title)
        )


def recurrence(
    themes: QuerySet[LearningTheme] | None = None, user: Any = None
) -> list[ThemeRecurrence]:
    """One ``ThemeRecurrence`` per theme (all themes by default), sources in registry order;
    for a ``user`` who may not open a source's records, its occurrences come without links."""
    from lineofsight.partnership.access import has_permission

    themes = themes if themes is not None else LearningTheme.objects.order_by("name")
    found: dict[int, ThemeRecurrence] = {t.pk: ThemeRecurrence(t) for t in themes}
    sources = theme_sources()
    for source in sources:
        seen: set[Any] = set()
        unlinked = bool(
            user is not None
            and source.view_permission
            and not has_permission(user, source.view_permission)
        )
        for found_occurrence in source.find(themes):
            occurrence = replace(found_occurrence, url="") if unlinked else found_occurrence
            key = (occurrence.theme_id, occurrence.kind, occurrence.url or occurrence.title)
            if occurrence.theme_id in found and key not in seen:
                seen.add(key)
                found[occurrence.theme_id].occurrences.append(occurrence)
    for item in found.values():
        for source in sources:
            years = [o.year for o in item.occurrences if o.kind == source.kind]
            if years:
                item.kinds.append(KindCount(source, len(years), min(years), max(years)))
    return list(found.values())
