"""``lineofsight manage reset_two_factor USERNAME --reason "..."``: for a locked-out user.

Removes the user's authenticators (audited, as the system); they set up a new one at their next
sign-in.  The administrator can do the same on the web (``/accounts/two-factor/reset/``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.accounts.services import reset_two_factor
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import User


class Command(BaseCommand):
    help = "Remove a user's two-factor authenticators (they lost their phone); audited."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--reason", required=True, help="why (kept in the audit log)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called {options['username']!r}")
        try:
            removed = reset_two_factor(actor=SYSTEM, user=user, reason=options["reason"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Removed {removed} authenticator(s) of {user.username}: they set up a new one at "
            "their next sign-in."
        )
