from __future__ import annotations

from lineofsight.partnership.models import Agency, Partnership, Population


def current_partnership() -> Partnership | None:
    """The partnership this installation serves (the first one; there is one per installation)."""
    return Partnership.objects.order_by("pk").first()


def under_18_population(partnership: Partnership) -> dict[int, int]:
    """Mid-year under-18 population by year."""
    return dict(Population.objects.filter(partnership=partnership).values_list("year", "under_18"))


def agencies(partnership: Partnership) -> list[Agency]:
    return list(partnership.agencies.order_by("name"))
