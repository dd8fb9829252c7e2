"""Background tasks of the performance app (run by ``lineofsight worker``; docs/adr/0008)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lineofsight.background.compat import task
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.performance.compute import current_fingerprint, recompute
from lineofsight.performance.models import ComputeRun


@task()
def recompute_indicators(partnership_id: int) -> dict[str, Any]:
    """Recompute every indicator unless the stored results already come from the current
    returns (so a burst of uploads costs one recompute, and running twice is harmless)."""
    partnership = Partnership.objects.filter(pk=partnership_id).first()
    if partnership is None:
        return {"skipped": "no such partnership"}
    latest = ComputeRun.objects.filter(
        partnership=partnership, status=ComputeRun.Status.COMPLETE
    ).first()
    if latest is not None and latest.fingerprint == current_fingerprint(partnership):
        return {"skipped": "results already current", "run": latest.pk}
    run = recompute(actor=SYSTEM, partnership=partnership)
    return {"run": run.pk, "results": run.result_count}


def after_return_accepted(partnership_id: int) -> None:
    """Queue a recompute once the transaction storing an accepted return has committed."""
    transaction.on_commit(lambda: recompute_indicators.enqueue(partnership_id))
