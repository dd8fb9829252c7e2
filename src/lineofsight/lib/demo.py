"""What every module's demo loader does first: find the demo partnership, and stop if the module's
records are already there (loading the demo twice changes nothing)."""

from __future__ import annotations

from django.db import models

from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import current_partnership


def partnership_to_load(model: type[models.Model], what: str) -> Partnership | None:
    """The demo partnership a module's demo loads into, or ``None`` (saying "``what`` already
    loaded") if it already has ``model`` rows; the demo partnership must be loaded first."""
    partnership = current_partnership()
    if partnership is None:
        raise RuntimeError("Load the demo partnership first")
    if model._default_manager.filter(partnership=partnership).exists():
        print(f"  {what} already loaded")
        return None
    return partnership
