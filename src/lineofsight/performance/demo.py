"""Demo: the real published DfE benchmarks, and indicators computed from the synthetic returns."""

from __future__ import annotations

from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.performance.models import PublishedFigure


def load(seed: int) -> None:
    """DfE's published benchmarks and the indicators computed from the returns"""
    if not PublishedFigure.objects.exists():
        import_files(actor=None)
    run = recompute(actor=None, partnership=current_partnership())
    print(f"  {run.result_count:,} indicator results stored")
