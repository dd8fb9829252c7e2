"""``python -m benchmarks [NAME...] [--quick]``: run benchmarks, print one table, write JSON.

See benchmarks/README.md for what each benchmark measures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from benchmarks.harness import (
    RESULTS_DIR,
    Benchmark,
    Row,
    discover,
    format_table,
    run_one,
    write_results,
)


def parse(argv: Sequence[str] | None, names: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run the speed benchmarks; print a table; write benchmarks/results/*.json.",
    )
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run (default all: {names})"
    )
    parser.add_argument("--quick", action="store_true", help="a small scale, for smoke tests")
    return parser.parse_args(argv)


def main(
    argv: Sequence[str] | None = None,
    *,
    registry: Mapping[str, Benchmark] | None = None,
    results_dir: Path = RESULTS_DIR,
) -> int:
    """Run the chosen benchmarks; 0 when all ran, 1 when one failed, 2 for an unknown name."""
    known = dict(registry) if registry is not None else discover()
    args = parse(argv, sorted(known))
    unknown = [name for name in args.names if name not in known]
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}")
        return 2
    chosen = args.names or sorted(known)
    results: dict[str, list[Row]] = {}
    for name in chosen:
        print(f"Running {name}{' (quick)' if args.quick else ''} ...", flush=True)
        results[name] = run_one(name, known[name], args.quick)
    rows = [row for name in chosen for row in results[name]]
    print()
    print(format_table(rows))
    paths = write_results(results, results_dir, args.quick)
    print(f"\nResults: {', '.join(str(path) for path in paths)}")
    return 1 if any(row.get("error") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
