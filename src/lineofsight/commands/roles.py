"""``lineofsight roles``: every role, the pages it opens and what else it may do (Markdown)."""

from __future__ import annotations

import argparse

from lineofsight.cli import django_setup


def run(args: argparse.Namespace) -> int:
    django_setup()
    from lineofsight.partnership.roles_table import markdown

    print(markdown())
    return 0


HELP = "print the table of roles, the pages each opens and what else each may do"
DESCRIPTION = (
    "Print, as a Markdown table, every role with the pages in its navigation "
    "and the other things it may do, from the roles definition (partnership/roles.py). "
    "The README's table is this output."
)
