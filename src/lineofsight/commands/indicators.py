"""``lineofsight indicators``: the catalogue, or every indicator for a year with benchmarks,
SPC signal and findings (read from the stored results; ``--recompute`` refreshes them first)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from lineofsight.cli import NO_PARTNERSHIP, django_setup
from lineofsight.partnership.actors import SYSTEM


def _catalogue_rows() -> list[dict[str, Any]]:
    from lineofsight.indicators.catalogue import CATALOGUE

    return [
        {
            "id": s.id,
            "title": s.title,
            "unit": s.unit,
            "polarity": s.polarity,
            "period_types": list(s.period_types),
            "source": s.source,
            "definition": s.dfe_definition,
        }
        for s in CATALOGUE.values()
    ]


def _summary_row(summary: Any) -> dict[str, Any]:
    from lineofsight.performance.presentation import variation_words

    head = summary.headline
    latest = summary.benchmarks[-1] if summary.benchmarks else None
    return {
        "id": summary.spec.id,
        "title": summary.spec.title,
        "unit": summary.spec.unit,
        "period": head.period_label if head else summary.period.label,
        "numerator": head.numerator if head else None,
        "denominator": head.denominator if head else None,
        "value": head.value if head else None,
        "ci": [head.ci_low, head.ci_high] if head and head.ci_low is not None else None,
        "breakdowns": {r.breakdown: r.value for r in summary.breakdowns},
        "benchmarks": (
            {
                "year": latest.year,
                "region": latest.region,
                "england": latest.england,
                "statistical_neighbours": latest.statistical_neighbours,
            }
            if latest
            else None
        ),
        "spc": summary.variation,
        "spc_text": variation_words(summary.variation),
        "target": (
            {"year": summary.target.financial_year, "value": summary.target.value}
            if summary.target
            else None
        ),
        "findings": summary.findings,
    }


def run(args: argparse.Namespace) -> int:
    if args.list:
        rows = _catalogue_rows()
        if args.json:
            print(json.dumps(rows, indent=2))
        else:
            for row in rows:
                print(f"{row['title']} ({row['id']})")
                print(f"    unit: {row['unit']}; {row['polarity']}; source: {row['source']}")
                for line in textwrap.wrap(row["definition"], width=92):
                    print(f"    {line}")
                print()
        return 0
    django_setup()
    from lineofsight.indicators.findings import format_value
    from lineofsight.partnership.selectors import current_partnership
    from lineofsight.performance.compute import recompute, returns_since_last_compute
    from lineofsight.performance.summaries import latest_financial_year, overview

    partnership = current_partnership()
    if partnership is None:
        print(NO_PARTNERSHIP)
        return 2
    if args.la:
        partnership.la_code = args.la  # benchmarks for another LA code (not saved)
    if args.recompute:
        recompute(actor=SYSTEM, partnership=partnership)
    else:
        _warn_if_stale(returns_since_last_compute(partnership), to_stderr=args.json)
    period = args.period or latest_financial_year(partnership)
    if period is None:
        print("No indicator results yet: ingest returns, then run with --recompute.")
        return 1
    rows = [_summary_row(s) for s in overview(partnership, period)]
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    print(f"Indicators for {period} (exceptions first)\n")
    for row in rows:
        value = "no data" if row["value"] is None else format_value(row["value"], row["unit"])
        print(f"{row['title']}: {value}  ({row['spc_text']})")
        if row["numerator"] is not None and row["denominator"]:
            print(f"    {row['numerator']:,.0f} of {row['denominator']:,.0f}")
        for text in row["findings"]:
            print(f"    - {text}")
    return 0


def _warn_if_stale(returns: int, *, to_stderr: bool) -> None:
    if not returns:
        return
    what = "1 return was" if returns == 1 else f"{returns} returns were"
    print(
        f"These figures are out of date: {what} stored since they were last computed.\n"
        "Run `lineofsight indicators --recompute` to refresh them.\n",
        file=sys.stderr if to_stderr else sys.stdout,
    )


HELP = "list the indicator catalogue, or every indicator for a year with findings"
DESCRIPTION = (
    "With --list: the catalogue (title, id, unit, polarity, source and the "
    "DfE definition). "
    "Otherwise every indicator for the financial year: numerator, denominator, value, "
    "benchmarks, SPC signal and plain-English findings, exceptions first."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list", action="store_true", help="print the catalogue with each DfE definition"
    )
    parser.add_argument("--period", metavar="2020-21", help="financial year (default: latest)")
    parser.add_argument("--la", metavar="CODE", help="LA code for benchmarks (default: ours)")
    parser.add_argument("--recompute", action="store_true", help="recompute from snapshots first")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
