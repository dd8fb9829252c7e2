from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from lineofsight.partnership.models import Agency, Partnership, Population

M = TypeVar("M", bound=models.Model)


def current_partnership() -> Partnership | None:
    """The partnership this installation serves (the first one; there is one per installation)."""
    return Partnership.objects.order_by("pk").first()


NO_PARTNERSHIP = 0
"""A partnership id no row has (ids start at 1): a filter on it finds nothing."""


def partnership_id_for(actor: Any) -> int:
    """The partnership an actor's reads are scoped to: their agency's, else (``SYSTEM``, a user
    in no agency) this installation's; ``NO_PARTNERSHIP`` before one is set up."""
    agency = getattr(actor, "agency", None)
    if agency is not None:
        return int(agency.partnership_id)
    partnership = current_partnership()
    return partnership.pk if partnership else NO_PARTNERSHIP


def under_18_population(partnership: Partnership) -> dict[int, int]:
    """Mid-year under-18 population by year."""
    return dict(Population.objects.filter(partnership=partnership).values_list("year", "under_18"))


def agencies(partnership: Partnership) -> list[Agency]:
    return list(partnership.agencies.order_by("name"))


def settings_row(model: type[M], partnership: Any) -> M:
    """The partnership's one row of ``model`` (a module's settings): the saved one, else the
    defaults, unsaved, until someone saves them (``lib.audited.audited_save`` creates it)."""
    found = model._default_manager.filter(partnership=partnership).first()
    return found or model(partnership=partnership)
