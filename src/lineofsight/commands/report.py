"""``lineofsight report quarterly|annual``: generate a report to a file (and record it)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from lineofsight.cli import django_setup
from lineofsight.partnership.actors import SYSTEM


def run(args: argparse.Namespace) -> int:
    import logging

    django_setup()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from django.core.exceptions import ValidationError

    from lineofsight.partnership.selectors import current_partnership
    from lineofsight.reports.models import Report
    from lineofsight.reports.services import report_file, request_report

    partnership = current_partnership()
    if partnership is None:
        print(
            "No partnership: run `lineofsight demo --no-serve` or set one up first.",
            file=sys.stderr,
        )
        return 1
    period = args.quarter if args.kind == "quarterly" else args.year
    try:
        report = request_report(
            actor=SYSTEM,
            partnership=partnership,
            kind=args.kind,
            period_label=period,
            edition=args.edition,
            fmt=args.format,
            background=False,
        )
    except ValidationError as error:
        print(f"Cannot generate the report: {' '.join(error.messages)}", file=sys.stderr)
        return 2
    if report.status != Report.Status.COMPLETE:
        print(f"The report failed: {report.message}", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else Path.cwd() / report.file_name
    shutil.copyfile(report_file(report), out)
    suppressed = len(report.disclosure_log)
    print(
        f"Wrote {out} ({report.size:,} bytes, report {report.pk}, {report.edition} edition"
        + (f", {suppressed} cells suppressed" if report.edition == "published" else "")
        + ")"
    )
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("html", "pdf", "docx"),
        default="pdf",
        help="html, pdf (tagged PDF/UA) or docx (Word); default pdf",
    )
    parser.add_argument(
        "--edition",
        choices=("internal", "published"),
        default="internal",
        help="internal (full figures) or published (counts of 1 to 5 and what "
        "would reveal them shown as c); default internal",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="where to write it (default: the current folder, named after the report)",
    )


HELP = "generate the quarterly or annual report as HTML, PDF or Word"
DESCRIPTION = (
    "Generate a report from the stored indicators, learning records and "
    "approved narratives; it is also recorded (with its inputs) on the Reports page."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    quarterly = kinds.add_parser(
        "quarterly",
        help="the quarterly performance report",
        description="The quarterly performance report for one quarter of the partnership's "
        "year (Administration > Financial year says the month it starts in).",
    )
    quarterly.add_argument(
        "--quarter",
        required=True,
        metavar="YYYYQn",
        help="a quarter of the partnership's year, e.g. 2021Q1 = its first quarter of the year "
        "starting in 2021 (April to June 2021 for a year starting in April)",
    )
    _common(quarterly)
    quarterly.set_defaults(run=run)
    annual = kinds.add_parser(
        "annual",
        help="the yearly report (Working Together)",
        description="The statutory yearly report for one financial year.",
    )
    annual.add_argument("--year", required=True, metavar="YYYY-YY", help="e.g. 2020-21")
    _common(annual)
    annual.set_defaults(run=run)
