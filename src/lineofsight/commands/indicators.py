"""``lineofsight indicators``: the catalogue, or every indicator for a year with benchmarks,
SPC signal and findings (read from the stored results; ``--recompute`` refreshes them first)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from lineofsight.cli import django_setup


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
        "findings": summary.findings,
    }


def run(args: argparse.Namespace) -> int:
    if args.list:
        rows = _catalogue_rows()
        if args.json:
            print(json.dumps(rows, indent=2))
        else:
            for row in rows:
                print(f"{row['id']:<42} {row['unit']:<13} {row['polarity']:<17} {row['title']}")
        return 0
    django_setup()
    from lineofsight.indicators.findings import format_value
    from lineofsight.partnership.selectors import current_partnership
    from lineofsight.performance.compute import recompute
    from lineofsight.performance.summaries import latest_financial_year, overview

    partnership = current_partnership()
    if partnership is None:
        print("No partnership is set up yet: run `lineofsight demo --no-serve` first.")
        return 2
    if args.la:
        partnership.la_code = args.la  # benchmarks for another LA code (not saved)
    if args.recompute:
        recompute(actor=None, partnership=partnership)
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
        print(f"{row['title']}: {value}  [{row['spc'] or 'no SPC'}]")
        if row["numerator"] is not None and row["denominator"]:
            print(f"    {row['numerator']:,.0f} of {row['denominator']:,.0f}")
        for text in row["findings"]:
            print(f"    - {text}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "indicators",
        help="list the indicator catalogue, or every indicator for a year with findings",
        description="With --list: the catalogue (id, title, unit, polarity, definition). "
        "Otherwise every indicator for the financial year: numerator, denominator, value, "
        "benchmarks, SPC signal and plain-English findings, exceptions first.",
    )
    parser.add_argument("--list", action="store_true", help="print the catalogue")
    parser.add_argument("--period", metavar="2020-21", help="financial year (default: latest)")
    parser.add_argument("--la", metavar="CODE", help="LA code for benchmarks (default: ours)")
    parser.add_argument("--recompute", action="store_true", help="recompute from snapshots first")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)
