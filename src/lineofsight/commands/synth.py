"""``lineofsight synth``: write synthetic boroughs in the real return formats (pure; no Django)."""

from __future__ import annotations

import argparse
from pathlib import Path


def _years(text: str) -> range:
    first, _, last = text.partition("-")
    try:
        start, stop = int(first), int(last or first)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY or YYYY-YYYY, got {text!r}") from exc
    if stop < start:
        raise argparse.ArgumentTypeError("the last year comes before the first")
    return range(start, stop + 1)


HELP = "generate a synthetic borough (CIN census, SSDA903, Annex A, partner returns, ...)"
DESCRIPTION = (
    "Simulate children moving through the safeguarding system month by month and "
    "write the files an English local authority and its partners produce. Years are "
    "collection years ending 31 March (2021 means 2020-21). See docs/synth.md."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--years",
        type=_years,
        default=range(2016, 2022),
        help="collection years, e.g. 2016-2021 (default)",
    )
    parser.add_argument("--las", type=int, default=1, help="number of boroughs (default 1)")
    parser.add_argument("--la-code", default="371", help="old DfE LA code of the first borough")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="population scale (1.0 = 66,918 children under 18)"
    )


def run(args: argparse.Namespace) -> int:
    from lineofsight.synth import generate

    paths = generate(
        args.out,
        seed=args.seed,
        years=args.years,
        las=args.las,
        la_code=args.la_code,
        scale=args.scale,
    )
    print(f"wrote {len(paths)} files under {args.out}")
    return 0
