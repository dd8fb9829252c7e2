"""A list's filters applied in a selector: each lookup whose filter was given, none for a filter
left empty::

    rows = filtered(rows, status=status, raised_on__year=year)
    rows = filtered(rows, kind=kind, held_on__range=reporting_year_span(year))
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from lineofsight.calendar.years import reporting_year_bounds

M = TypeVar("M", bound=Model)


def filtered(rows: QuerySet[M], **lookups: Any) -> QuerySet[M]:
    """``rows`` filtered by each of ``lookups`` whose value is given (not empty, ``None`` or 0)."""
    given = {lookup: value for lookup, value in lookups.items() if value}
    return rows.filter(**given) if given else rows


def reporting_year_span(year: int | None) -> tuple[dt.date, dt.date] | None:
    """A ``__range`` lookup's value: the April-to-March reporting ``year`` (``None``: any year)."""
    return reporting_year_bounds(year) if year else None
