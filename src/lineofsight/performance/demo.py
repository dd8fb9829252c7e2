"""Demo: the real published DfE benchmarks, indicators computed from the synthetic returns, and
targets set at the latest published England figure for the indicators that have one."""

from __future__ import annotations

from lineofsight.indicators.catalogue import CATALOGUE
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.performance.models import IndicatorResult, IndicatorTarget, PublishedFigure
from lineofsight.performance.target_services import set_target


def england_targets(partnership: Partnership) -> int:
    """For each directional benchmarked indicator and each financial year with results, a
    target of "at least as good as England" that year (DfE's published figure for that year)."""
    years = set(
        IndicatorResult.objects.filter(
            partnership=partnership, period_type="financial_year"
        ).values_list("period_label", flat=True)
    )
    made = 0
    for spec in CATALOGUE.values():
        if not spec.benchmark_key or spec.polarity == "neutral":
            continue
        england = PublishedFigure.objects.filter(
            indicator_id=spec.benchmark_key, level="national", value__isnull=False
        )
        for figure in england:
            year = f"{figure.year - 1}-{figure.year % 100:02d}"
            if (
                year not in years
                or figure.value is None  # (not in the query: value__isnull=False)
                or IndicatorTarget.objects.filter(
                    partnership=partnership, indicator_id=spec.id, financial_year=year
                ).exists()
            ):
                continue
            set_target(
                actor=SYSTEM,
                partnership=partnership,
                indicator_id=spec.id,
                financial_year=year,
                value=figure.value,
                reason=f"At least as good as England in {year} (DfE published)",
            )
            made += 1
    return made


def load(seed: int) -> None:
    """DfE's published benchmarks, the indicators computed from the returns, and targets"""
    partnership = current_partnership()
    if partnership is None:
        raise RuntimeError("Load the demo partnership first")
    if not PublishedFigure.objects.exists():
        import_files(actor=SYSTEM)
    run = recompute(actor=SYSTEM, partnership=partnership)
    targets = england_targets(partnership)
    print(f"  {run.result_count:,} indicator results stored; {targets} targets set")
