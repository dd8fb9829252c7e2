"""Caching what the performance pages compute (docs/adr/0011-performance-page-cache.md).

The figures, findings and charts of a period are the same for every reader, so each web process
keeps them in memory (not pickled: a cached summary is only read) under a key that includes
:func:`results_version`: the latest compute run and how far it has got, and the state of the
targets and of the published benchmarks.  Whatever changes the results changes the key, so
nothing is invalidated by hand and nothing stale can be read; the oldest entries are dropped
beyond ``MAX_ENTRIES``.  Per-user parts of a page (buttons, the freshness line) are not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Count, Max, Sum

from lineofsight.partnership.models import Partnership
from lineofsight.performance.models import (
    ChangePoint,
    ComputeRun,
    IndicatorTarget,
    PublishedFigure,
    StatisticalNeighbour,
)

T = TypeVar("T")
MAX_ENTRIES = 256

_entries: OrderedDict[tuple[str, ...], Any] = OrderedDict()
_lock = threading.Lock()


def clear() -> None:
    with _lock:
        _entries.clear()


def results_version(partnership: Partnership) -> str:
    """Changes whenever anything the performance pages show from stored data changes."""
    run = (
        ComputeRun.objects.filter(partnership=partnership)
        .values_list("pk", "status", "completed", "finished_at")
        .first()
    )
    run_part = f"{run[0]}.{run[1]}.{len(run[2])}.{run[3]}" if run else "none"
    targets = IndicatorTarget.objects.filter(partnership=partnership).aggregate(
        n=Count("pk"), last=Max("pk"), versions=Sum("version")
    )
    # an analyst's change points (added or removed) change the SPC limits
    points = ChangePoint.objects.filter(partnership=partnership).aggregate(
        n=Count("pk"), last=Max("pk")
    )
    # imports replace rows with new ones, so the highest id (an index lookup) tells a re-import
    published = PublishedFigure.objects.aggregate(last=Max("pk"))
    neighbours = StatisticalNeighbour.objects.aggregate(last=Max("pk"))
    return "-".join(
        str(part)
        for part in (
            run_part,
            targets["n"],
            targets["last"],
            targets["versions"],
            points["n"],
            points["last"],
            published["last"],
            neighbours["last"],
        )
    )


class PageCache:
    """One request's view of the cache: the results version is read once, on first use."""

    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self._version: str | None = None

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = results_version(self.partnership)
        return self._version

    def get(self, name: str, compute: Callable[[], T], *parts: str) -> T:
        """``compute()``, or its cached value for the current results version."""
        key = ("performance", str(self.partnership.pk), self.version, name, *parts)
        with _lock:
            if key in _entries:
                _entries.move_to_end(key)
                return _entries[key]
        value = compute()
        with _lock:
            _entries[key] = value
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
        return value
