"""The numbers of a record's numbered parts (its findings, recommendations, learning points...),
kept unique within the record by ``lib.models.numbered_within``."""

from __future__ import annotations

from typing import Any

from django.db.models import Manager, QuerySet


def next_number(siblings: QuerySet[Any] | Manager[Any]) -> int:
    """The ``number`` of a new part: one more than the highest among ``siblings`` (the record's
    other parts; ``select_for_update()`` them to hold the number), 1 for the first."""
    last = siblings.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1
