"""Small display helpers shared by templates, exports and reports (GOV.UK style)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def number(value: float | int | None, places: int = 0) -> str:
    """``12345.6`` -> ``"12,346"``; ``None`` -> ``""``."""
    if value is None:
        return ""
    return f"{value:,.{places}f}"


def count(value: int, noun: str, plural: str | None = None) -> str:
    """``1, "error"`` -> ``"1 error"``; ``1200, "warning"`` -> ``"1,200 warnings"``."""
    return f"{value:,} {noun if value == 1 else plural or noun + 's'}"


def percent(value: float | None, places: int = 1) -> str:
    return "" if value is None else f"{value:.{places}f}%"


def date_uk(value: date | datetime | None) -> str:
    """GOV.UK date style: ``5 January 2021``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def datetime_uk(value: datetime | None) -> str:
    """``5 January 2021 at 2:05pm``."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    hour = local.hour % 12 or 12
    return f"{date_uk(local)} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"
