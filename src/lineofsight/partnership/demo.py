"""The demo partnership: "Demo Borough" with its agencies and one user per role.

Idempotent: a second run finds what the first made.  Passwords are generated on the first run,
kept in ``var/demo-credentials.json`` (readable by the owner only) and printed on every run.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from django.conf import settings

from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role

DEMO_NAME = "Demo Borough Safeguarding Children Partnership"
DEMO_LA_CODE = "371"  # benchmarks are the real published figures for this LA code
# The synthetic borough is simulated with the under-18 population the 2020-21 annual report uses,
# held constant over the demo years (the synthetic data are generated from it).
DEMO_UNDER_18 = 66_918
DEMO_YEARS = range(2015, 2022)  # mid-year estimates for the financial years 2015-16 to 2021-22

AGENCIES = [
    ("Demo Borough Council", "council", Agency.Kind.COUNCIL),
    ("Demo Children's Services Trust", "trust", Agency.Kind.CHILDRENS_TRUST),
    ("Demo Police", "police", Agency.Kind.POLICE),
    ("Demo Integrated Care Board", "health", Agency.Kind.HEALTH),
    ("Demo Schools and Education", "education", Agency.Kind.EDUCATION),
    ("Demo Domestic Abuse Service", "domestic_abuse", Agency.Kind.DOMESTIC_ABUSE),
    ("Demo Voluntary Sector Forum", "voluntary", Agency.Kind.VOLUNTARY),
    ("Partnership Business Unit", "business_unit", Agency.Kind.PARTNERSHIP_TEAM),
]

# username, first, last, agency code, roles
USERS = [
    ("admin", "Alex", "Admin", "business_unit", [Role.PARTNERSHIP_ADMIN]),
    ("analyst", "Asha", "Analyst", "business_unit", [Role.PERFORMANCE_ANALYST]),
    ("board", "Bernard", "Board", "council", [Role.BOARD_MEMBER]),
    ("police.lead", "Priya", "Police", "police", [Role.AGENCY_LEAD]),
    ("health.lead", "Harry", "Health", "health", [Role.AGENCY_LEAD]),
    ("lado", "Laura", "Lado", "council", [Role.LADO]),
    ("lado.deputy", "Dev", "Deputy", "council", [Role.LADO_DEPUTY]),
    ("cdop", "Colin", "Cdop", "health", [Role.CDOP_COORDINATOR]),
    ("cdop.panel", "Pat", "Panel", "health", [Role.CDOP_PANEL_MEMBER]),
    ("training", "Tara", "Training", "business_unit", [Role.TRAINING_MANAGER]),
    ("scrutineer", "Sam", "Scrutineer", "business_unit", [Role.SCRUTINEER]),
]


def _credentials_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-credentials.json"


def _passwords() -> dict[str, str]:
    path = _credentials_file()
    known: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    changed = False
    for username, *_ in USERS:
        if username not in known:
            known[username] = "-".join(secrets.token_urlsafe(4) for _ in range(3))
            changed = True
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(known, handle, indent=2)
    return known


def load() -> dict[str, str]:
    """Create what is missing of the demo partnership; returns username -> password."""
    partnership = Partnership.objects.filter(la_code=DEMO_LA_CODE).first()
    if partnership is None:
        partnership = services.create_partnership(
            actor=SYSTEM, name=DEMO_NAME, la_code=DEMO_LA_CODE
        )
    for year in DEMO_YEARS:
        if not partnership.populations.filter(year=year).exists():
            services.set_population(
                actor=SYSTEM, partnership=partnership, year=year, under_18=DEMO_UNDER_18
            )
    agencies = {a.code: a for a in partnership.agencies.all()}
    for name, code, kind in AGENCIES:
        if code not in agencies:
            agencies[code] = services.create_agency(
                actor=SYSTEM, partnership=partnership, name=name, code=code, kind=kind
            )
    passwords = _passwords()
    for username, first, last, agency_code, roles in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            services.create_user(
                actor=SYSTEM,
                username=username,
                password=passwords[username],
                agency=agencies[agency_code],
                roles=roles,
                first_name=first,
                last_name=last,
            )
        elif not user.check_password(passwords[username]):
            user.set_password(passwords[username])
            user.save(update_fields=["password"])
    return {username: passwords[username] for username, *_ in USERS}


def describe(passwords: dict[str, str]) -> str:
    lines = ["Demo users (username / password / role):"]
    for username, _first, _last, agency, roles in USERS:
        role_names = ", ".join(r.label for r in roles)
        lines.append(f"  {username:<12} {passwords[username]:<20} {role_names} ({agency})")
    return "\n".join(lines)
