"""Setting up a real (non-demo) partnership: what ``lineofsight setup`` creates.

The partnership (name and DfE local authority code), its under-18 population for every mid-year
the shipped ONS table has for that local authority, the statutory safeguarding partners as
agencies (the council's children's services, the police and the integrated care board; Children
Act 2004 s.16E), the partnership business unit, any other agencies asked for, and the first
administrator.  Nothing synthetic.  Idempotent: a second run finds what the first made and
changes nothing; each thing created is audited by the partnership services (actor: system).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Final

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role
from lineofsight.partnership.selectors import current_partnership
from lineofsight.published import DATA_DIR
from lineofsight.published.population import PopulationEstimate, read_population_estimates

POPULATION_FILE: Final = DATA_DIR / "ons_mid-year_population_estimates_2012_to_2024.csv"

# The statutory safeguarding partners (Children Act 2004 s.16E), always created.
STATUTORY: Final = (
    ("council", Agency.Kind.COUNCIL, "{la} Council children's services"),
    ("police", Agency.Kind.POLICE, "Police ({la} area)"),
    ("health", Agency.Kind.HEALTH, "Integrated care board ({la} area)"),
)
BUSINESS_UNIT: Final = ("business_unit", Agency.Kind.PARTNERSHIP_TEAM, "Partnership business unit")
# Relevant agencies a partnership may add at set-up (more, and renames, on the admin pages).
OPTIONAL: Final[dict[str, tuple[Agency.Kind, str]]] = {
    "education": (Agency.Kind.EDUCATION, "{la} schools and education"),
    "probation": (Agency.Kind.PROBATION, "Probation service ({la} area)"),
    "health_provider": (Agency.Kind.HEALTH_PROVIDER, "{la} health providers"),
    "domestic_abuse": (Agency.Kind.DOMESTIC_ABUSE, "{la} domestic abuse service"),
    "voluntary": (Agency.Kind.VOLUNTARY, "{la} voluntary and community sector"),
}


class SetupError(Exception):
    """Set-up cannot go ahead; the message says why and what to do. Nothing was changed."""


@dataclass
class SetupResult:
    partnership: Partnership
    admin: User
    created: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created)


@cache
def _estimates() -> dict[str, list[PopulationEstimate]]:
    by_la: dict[str, list[PopulationEstimate]] = {}
    for item in read_population_estimates(POPULATION_FILE):
        if item.level == "local_authority":
            by_la.setdefault(item.area_code, []).append(item)
    return by_la


def local_authority(la_code: str) -> tuple[str, dict[int, int]]:
    """The local authority's name and its ONS under-18 estimates by mid-year."""
    estimates = _estimates().get(la_code.strip())
    if not estimates:
        raise SetupError(
            f"{la_code!r} is not a local authority code in the shipped ONS population table: "
            "enter the three-digit DfE (old) code, for example 371 for Doncaster"
        )
    name = max(estimates, key=lambda e: e.mid_year).area_name
    return name, {e.mid_year: int(e.population) for e in estimates if e.population}


def check_password(password: str, username: str, email: str = "") -> None:
    """Django's password validators (``AUTH_PASSWORD_VALIDATORS``) for the administrator."""
    validate_password(password, User(username=username, email=email))


def set_up(
    *,
    la_code: str,
    admin_username: str,
    admin_password: str | None,
    name: str | None = None,
    admin_email: str = "",
    optional_agencies: tuple[str, ...] = (),
) -> SetupResult:
    """Create whatever of the partnership is missing (see the module docstring).

    ``admin_password`` ``None`` leaves the administrator without a usable password (they are
    sent a one-time link instead); a password is checked by Django's validators first.
    """
    la_name, population = local_authority(la_code)
    unknown = sorted(set(optional_agencies) - set(OPTIONAL))
    if unknown:
        raise SetupError(
            f"Unknown agency kind {', '.join(unknown)}: choose from {', '.join(OPTIONAL)}"
        )
    partnership = current_partnership()
    if partnership is not None and partnership.la_code != la_code:
        raise SetupError(
            f"This installation already serves {partnership.name} (local authority "
            f"{partnership.la_code}); setup changes nothing."
        )
    existing_admin = User.objects.filter(username=admin_username).first()
    if existing_admin is None and admin_password is not None:
        check_password(admin_password, admin_username, admin_email)
    created: list[str] = []
    with transaction.atomic():
        if partnership is None:
            partnership = services.create_partnership(
                actor=SYSTEM,
                name=name or f"{la_name} Safeguarding Children Partnership",
                la_code=la_code,
            )
            created.append(f"partnership {partnership.name} ({la_code})")
        have_years = set(partnership.populations.values_list("year", flat=True))
        for year, under_18 in sorted(population.items()):
            if year not in have_years:
                services.set_population(
                    actor=SYSTEM, partnership=partnership, year=year, under_18=under_18
                )
                created.append(f"under-18 population mid-{year}: {under_18:,}")
        agencies = {a.code: a for a in partnership.agencies.all()}
        wanted = [*STATUTORY, BUSINESS_UNIT]
        wanted += [(code, *OPTIONAL[code]) for code in optional_agencies]
        for code, kind, pattern in wanted:
            if code not in agencies:
                agencies[code] = services.create_agency(
                    actor=SYSTEM,
                    partnership=partnership,
                    name=pattern.format(la=la_name),
                    code=code,
                    kind=kind,
                )
                created.append(f"agency {agencies[code].name}")
        admin = existing_admin
        if admin is None:
            admin = services.create_user(
                actor=SYSTEM,
                username=admin_username,
                password=admin_password,
                agency=agencies[BUSINESS_UNIT[0]],
                roles=[Role.PARTNERSHIP_ADMIN],
                email=admin_email,
            )
            created.append(f"administrator {admin.username}")
        elif not admin.has_role(Role.PARTNERSHIP_ADMIN):
            raise SetupError(
                f"There is already a user called {admin_username!r} who is not an "
                "administrator: choose another --admin name. Nothing was changed."
            )
    return SetupResult(partnership=partnership, admin=admin, created=created)
