"""``lineofsight ingest``: validate returns, store the accepted ones as pseudonymised snapshots."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lineofsight.cli import NO_PARTNERSHIP, django_setup
from lineofsight.commands.validate import (
    NOTHING_READ,
    as_json,
    nothing_found,
    problem_table,
    progress_bar,
    return_file_arguments,
    summary,
)
from lineofsight.partnership.actors import SYSTEM, SystemActor


def run(args: argparse.Namespace) -> int:
    django_setup()
    from django.core.management import call_command

    from lineofsight.datasets import services
    from lineofsight.partnership.models import User
    from lineofsight.partnership.selectors import current_partnership

    call_command("migrate", interactive=False, verbosity=0)
    partnership = current_partnership()
    if partnership is None:
        print(
            NO_PARTNERSHIP,
            file=sys.stderr,
        )
        return 2
    actor: User | SystemActor = SYSTEM
    if args.user:
        user = User.objects.filter(username=args.user).first()
        if user is None:
            print(f"There is no user called {args.user!r}.", file=sys.stderr)
            return 2
        actor = user
    show_progress = args.progress or sys.stderr.isatty()
    try:
        outcomes = services.ingest_paths(
            actor=actor,
            partnership=partnership,
            paths=[Path(p) for p in args.paths],
            agency=actor.agency if actor else None,
            la_code=args.la,
            collection_year=args.collection_year,
            progress=progress_bar(sys.stderr) if show_progress else None,
        )
    except services.ConcurrentIngest as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if not outcomes:
        print(nothing_found(args.paths), file=sys.stderr)
        return NOTHING_READ
    if args.json:
        report = []
        for outcome in outcomes:
            entry = as_json(outcome.parsed)
            entry["stored"] = outcome.accepted
            entry["already_stored"] = outcome.already_stored
            entry["submission"] = outcome.submission.pk
            entry["snapshot"] = str(outcome.snapshot) if outcome.snapshot else None
            report.append(entry)
        print(json.dumps(report, indent=2, default=str))
    else:
        problems = [p for outcome in outcomes for p in outcome.parsed.problems]
        if problems:
            print(problem_table(problems))
            print()
        for outcome in outcomes:
            print(summary(outcome.parsed))
            if outcome.already_stored:
                print(f"  already stored as {outcome.snapshot}: nothing changed")
            elif outcome.snapshot:
                print(f"  stored as {outcome.snapshot}")
            elif outcome.accepted:
                print(f"  stored: {outcome.parsed.record_count} records")
            else:
                print("  rejected: nothing stored")
    if any(o.accepted and not o.already_stored for o in outcomes):
        print(
            "Indicator figures do not include these returns yet: run "
            "`lineofsight indicators --recompute` to refresh them.",
            file=sys.stderr if args.json else sys.stdout,
        )
    return 0 if all(outcome.accepted for outcome in outcomes) else 1


HELP = "validate returns and store accepted ones as pseudonymised snapshots"
DESCRIPTION = (
    "Detect, parse and validate each return; store the accepted ones as "
    "immutable Parquet snapshots with children's identifiers replaced by keyed pseudonyms. "
    "Re-ingesting the same file changes nothing; a corrected file supersedes the old one. "
    "Folders are read with their sub-folders (each SSDA903 year folder is one return). "
    "Exits 1 if any return is rejected, 2 if no file was found."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    return_file_arguments(parser, paths="+")
    parser.add_argument("--user", help="username to record as the submitter (default: system)")
