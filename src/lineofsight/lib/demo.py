"""What every module's demo loader does first: find the demo partnership, and stop if the module's
records are already there (loading the demo twice changes nothing); and how a module's demo
imports a synthetic file (written once by the synth, then ingested like an upload)."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from lineofsight.datasets.services import ingest_paths
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import current_partnership
from lineofsight.synth.config import default_params
from lineofsight.synth.write_partnership import write_records

# synth collection years: 1 April 2016 to 31 March 2021
YEARS = range(2017, 2022)


class DemoLoader:
    """What a module's demo loader starts from: its own random numbers (``seed`` and the
    loader's ``stream``, so one module's demo does not shift another's), the day it loads as,
    and the partnership with its agencies by code."""

    stream = "demo"

    def __init__(self, seed: int, today: dt.date, partnership: Partnership) -> None:
        self.rng = random.Random(f"{seed}:{self.stream}")
        self.today = today
        self.partnership = partnership
        self.agencies = {a.code: a for a in partnership.agencies.all()}


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


def demo_loader(
    model: type[models.Model], what: str
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A module's demo ``load(seed, today=None, **more)`` (what ``DEMO_LOADERS`` names) from the
    decorated ``load(seed, partnership, today, **more)``: it runs only while the demo partnership
    has no ``model`` rows (:func:`partnership_to_load`), on ``today`` or else the current date.
    The demo command prints the decorated function's docstring."""

    def wrap(body: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(body)
        def load(seed: int, today: dt.date | None = None, **more: Any) -> None:
            partnership = partnership_to_load(model, what)
            if partnership is not None:
                body(seed, partnership, today or timezone.localdate(), **more)

        return load

    return wrap


def synth_file(
    seed: int, la_code: str, *, folder: str, name: str, years: range = YEARS, scale: float = 1.0
) -> Path:
    """The synth's file ``name`` (under the demo data's ``folder``) for ``years``: the same rows
    ``lineofsight synth --years ... --seed SEED`` writes, written on first use."""
    root = Path(settings.VAR_DIR) / "demo-data" / folder
    path = root / name
    if not path.exists():
        write_records(default_params(), scale, years, root, f"{seed}:{la_code}")
    return path


def ingest_demo_file(partnership: Partnership, path: Path, refused: str) -> Any:
    """Ingest ``path`` as ``SYSTEM`` (as an upload would be); ``RuntimeError`` (``refused`` and
    the first problems) if the file is refused."""
    [outcome] = ingest_paths(actor=SYSTEM, partnership=partnership, paths=[path])
    if not outcome.accepted:
        raise RuntimeError(f"{refused}: {outcome.parsed.problems[:3]}")
    return outcome
