"""``lineofsight benchmarks``: import DfE's published LA tables, and show an LA's comparisons."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from lineofsight.cli import django_setup
from lineofsight.partnership.actors import SYSTEM


def parse_years(text: str | None) -> list[int] | None:
    """``2018-2021`` -> [2018, 2019, 2020, 2021]; ``2021`` -> [2021]."""
    if not text:
        return None
    first, _, last = text.partition("-")
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"years must look like 2018-2021, not {text!r}") from None
    if end < start:
        raise argparse.ArgumentTypeError(f"years run backwards: {text!r}")
    return list(range(start, end + 1))


def run_import(args: argparse.Namespace) -> int:
    django_setup()
    from django.core.management import call_command

    from lineofsight.performance.benchmark_services import import_files

    call_command("migrate", interactive=False, verbosity=0)
    try:
        counts = import_files(actor=SYSTEM, paths=[Path(p) for p in args.files])
    except (ValueError, FileNotFoundError) as exc:
        print(f"Nothing imported: {exc}")
        return 1
    for name, count in counts.items():
        print(f"{count:>8,}  {name}")
    return 0


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:,.1f}"


def _list_indicators() -> int:
    """Every imported indicator: id, years and what it is."""
    from lineofsight.performance.benchmark_selectors import imported_indicators
    from lineofsight.published import TITLES

    rows = imported_indicators()
    if not rows:
        print("No published figures imported yet: run `lineofsight benchmarks import`.")
        return 1
    for indicator_id, first, last in rows:
        years = f"{first - 1}-{first % 100:02d} to {last - 1}-{last % 100:02d}"
        print(f"{indicator_id:<48} {years:<20} {TITLES.get(indicator_id, '')}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    django_setup()
    from lineofsight.performance.benchmark_selectors import benchmark_rows
    from lineofsight.published import TITLES

    if not args.indicator:
        return _list_indicators()
    if not args.la:
        print("Say which local authority: --la 371")
        return 2
    try:
        rows = benchmark_rows(args.la, args.indicator, years=args.years, grouping=args.grouping)
    except LookupError as exc:
        from lineofsight.performance.models import PublishedFigure

        print(str(exc))
        if not PublishedFigure.objects.exists():
            print("No published figures are stored yet: run `lineofsight benchmarks import`.")
        return 1
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], indent=2))
        return 0
    title = TITLES.get(args.indicator, args.indicator)
    print(f"{title} [{args.indicator}] for LA {args.la} ({rows[0].la_name if rows else ''})")
    print(f"{'year':<8}{'LA':>10}{'region':>10}{'stat. neighbours':>18}{'England':>10}")
    for r in rows:
        la = r.la_suppressed if r.la_value is None and r.la_suppressed else _fmt(r.la_value)
        print(
            f"{r.year - 1}-{r.year % 100:02d} {la:>9}{_fmt(r.region_value):>10}"
            f"{_fmt(r.sn_average):>18}{_fmt(r.england_value):>10}"
        )
    return 0


HELP = "import DfE published LA tables; show an LA against region, neighbours and England"
DESCRIPTION = "Benchmarks are DfE's published local-authority figures, never invented."


def arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="benchmarks_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="import DfE tables as published (default: the shipped copies)",
        description="Import DfE CSV tables in the layout DfE publishes them, each recognised by "
        "its columns (children in need, referrals, assessment factors, repeat CP plans, plans "
        "by length, children looked after, placement stability, new placements, care leavers' "
        "activity and accommodation, the social work workforce, OHID Fingertips hospital "
        "admissions, ONS population, statistical neighbour groupings). Re-importing replaces "
        "the same figures.",
    )
    imp.add_argument(
        "files", nargs="*", metavar="FILE", help="CSV files (none: the shipped copies)"
    )
    imp.set_defaults(run=run_import)
    show = sub.add_parser(
        "show",
        help="an LA's figures beside its region, statistical neighbours and England",
        description="Per year: the LA's published value, its region, the statistical-neighbour "
        "average (simple mean of the ten neighbours' published values, as DfE's LAIT) and "
        "England. Without --indicator: every imported indicator with its years.",
    )
    show.add_argument("--la", metavar="CODE", help="old three-digit LA code, e.g. 371")
    show.add_argument(
        "--indicator", metavar="ID", help="e.g. rereferral_pct (none: list every indicator)"
    )
    show.add_argument(
        "--years", type=parse_years, metavar="2018-2021", help="years ending 31 March"
    )
    show.add_argument(
        "--grouping",
        default="2021",
        choices=["2021", "2025"],
        help="statistical neighbour grouping (default 2021)",
    )
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(run=run_show)
