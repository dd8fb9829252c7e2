"""URL pattern helpers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import URLPattern, URLResolver


def pages(patterns: Iterable[URLPattern | URLResolver]) -> Iterator[URLPattern]:
    """Every page of a urls module's ``urlpatterns``: the patterns of its includes too (an app
    groups a kind of record's pages under one prefix with ``include``)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from pages(pattern.url_patterns)
        else:
            yield pattern
