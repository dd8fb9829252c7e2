"""``lineofsight setup``: create a real partnership, its statutory partners and first administrator.

Interactive by default (asks for what the flags did not give); ``--no-input`` takes everything
from the flags, and the administrator's password from ``LINEOFSIGHT_ADMIN_PASSWORD`` (without
it the administrator has no password and a one-time link to set one is printed).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from lineofsight.cli import django_setup

PASSWORD_VARIABLE = "LINEOFSIGHT_ADMIN_PASSWORD"  # noqa: S105 - the variable's name


def _ask(prompt: str, default: str | None = None) -> str:
    suffix = f" [{default}]" if default else ""
    while True:
        answer = input(f"{prompt}{suffix}: ").strip()
        if answer or default:
            return answer or str(default)
        print("  An answer is needed.")


def _ask_password(username: str, email: str) -> str | None:
    """A password that passes the validators, or ``None`` (Enter alone) for a one-time link."""
    from django.core.exceptions import ValidationError

    from lineofsight.partnership.setup import check_password

    while True:
        password = getpass.getpass(
            f"Password for {username} (press Enter alone for a one-time link instead): "
        )
        if not password:
            return None
        try:
            check_password(password, username, email)
        except ValidationError as exc:
            for message in exc.messages:
                print(f"  {message}")
            continue
        if getpass.getpass("The same password again: ") == password:
            return password
        print("  The two passwords are different: try again.")


def _first_admin() -> str | None:
    from lineofsight.partnership.models import User
    from lineofsight.partnership.roles import Role

    user = User.objects.filter(role_assignments__role=Role.PARTNERSHIP_ADMIN).order_by("pk").first()
    return user.username if user else None


def run(args: argparse.Namespace) -> int:
    django_setup()
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.core.management import call_command

    from lineofsight.partnership.models import User
    from lineofsight.partnership.selectors import current_partnership
    from lineofsight.partnership.setup import OPTIONAL, SetupError, local_authority, set_up

    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database ready: {settings.DATABASES['default']['NAME']}")
    existing = current_partnership()
    la_code, admin, name, email = args.la, args.admin, args.name, args.email or ""
    optional = tuple(args.agency or ())
    password: str | None = os.environ.get(PASSWORD_VARIABLE) or None
    try:
        if args.no_input:
            la_code = la_code or (existing.la_code if existing else None)
            admin = admin or _first_admin()
            missing = [flag for flag, value in (("--la", la_code), ("--admin", admin)) if not value]
            if missing:
                print(f"--no-input needs {' and '.join(missing)}.", file=sys.stderr)
                return 2
        else:
            la_code = la_code or _ask(
                "DfE local authority code (three digits)", existing.la_code if existing else None
            )
            la_name, _ = local_authority(la_code)
            print(f"  {la_name}")
            if existing is None:
                name = name or _ask(
                    "Partnership name", f"{la_name} Safeguarding Children Partnership"
                )
                if not args.agency:
                    extra = _ask(
                        f"Other agencies to add now ({', '.join(OPTIONAL)}; comma-separated)",
                        "none",
                    )
                    optional = tuple(
                        part.strip()
                        for part in extra.split(",")
                        if part.strip() not in ("", "none")
                    )
            admin = admin or _ask("Username of the first administrator", _first_admin() or "admin")
            if not User.objects.filter(username=admin).exists():
                email = email or input("Their email address (optional): ").strip()
                if password is None:
                    password = _ask_password(admin, email)
        assert la_code and admin
        result = set_up(
            la_code=la_code,
            name=name,
            admin_username=admin,
            admin_email=email,
            admin_password=password,
            optional_agencies=optional,
        )
    except SetupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(
            f"The administrator's password was refused: {' '.join(exc.messages)}", file=sys.stderr
        )
        return 2
    if not result.changed:
        print(f"{result.partnership.name} is already set up: nothing changed.")
        return 0
    print(f"Set up {result.partnership.name}:")
    for line in result.created:
        print(f"  created {line}")
    if not result.admin.has_usable_password():
        from lineofsight.partnership.links import password_link

        print(
            f"{result.admin.username} has no password yet. Open this one-time link to set it "
            f"(it works once, for {settings.PASSWORD_RESET_TIMEOUT // 3600} hours; SITE_URL sets "
            f"its address):\n  {password_link(result.admin)}\n"
            f"or run `lineofsight manage changepassword {result.admin.username}`."
        )
    print(
        "Next: `lineofsight serve` (production) and sign in; load returns with "
        "`lineofsight ingest`."
    )
    return 0


HELP = "set up a real partnership: population, statutory partners, first administrator"
DESCRIPTION = (
    "Create the partnership with its under-18 population (shipped ONS table), "
    "the statutory partners (council children's services, police, integrated care board) "
    "and the partnership business unit as agencies, and the first administrator. Nothing "
    "synthetic. Safe to run again: what exists is left as it is. With --no-input the "
    f"administrator's password is read from {PASSWORD_VARIABLE}."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help="the partnership's name")
    parser.add_argument("--la", metavar="CODE", help="three-digit DfE local authority code")
    parser.add_argument("--admin", metavar="USER", help="username of the first administrator")
    parser.add_argument("--email", help="the administrator's email address")
    parser.add_argument(
        "--agency",
        action="append",
        metavar="KIND",
        help="another agency to create (repeatable): education, probation, health_provider, "
        "domestic_abuse, voluntary",
    )
    parser.add_argument("--no-input", action="store_true", help="ask nothing; flags only")
