"""Demo data: the synthetic borough's returns, generated and ingested like real ones."""

from __future__ import annotations

import csv
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from lineofsight.calendar import years
from lineofsight.datasets import schedules
from lineofsight.datasets.services import ingest_paths
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import current_partnership
from lineofsight.partnership.services import set_agency_returns
from lineofsight.synth import DEFAULT_YEARS, generate

RETURN_FOLDERS = {"cin", "ssda903", "annex_a", "partner_returns"}
# The demo's children's services trust sends the local authority's children's social care returns
# (CIN census, SSDA903, Annex A); the council sends its own partner return.
SOCIAL_CARE_SUBMITTER = "trust"
OWN_RETURNS = {"council": ["partner_return"], "domestic_abuse": ["partner_return"]}


def returns_in(files: list[Path], root: Path) -> list[Path]:
    """The generated files that are returns (not the LADO, CDOP or training records)."""
    return [f for f in files if f.relative_to(root).parts[1] in RETURN_FOLDERS]


def partner_agency_code(path: Path) -> str:
    """The agency a generated partner return belongs to: its first row's ``agency_code``."""
    with path.open(newline="", encoding="utf-8") as handle:
        first = next(csv.DictReader(handle), None)
    return (first or {}).get("agency_code", "") or ""


def by_submitter(files: list[Path], root: Path) -> dict[str, list[Path]]:
    """Returns grouped by the agency that submits them (``SOCIAL_CARE_SUBMITTER`` for the local
    authority's children's social care returns): each return is stored as its agency's, as an
    agency lead's upload would be."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        partner = path.relative_to(root).parts[1] == "partner_returns"
        code = partner_agency_code(path) if partner else SOCIAL_CARE_SUBMITTER
        groups.setdefault(code, []).append(path)
    return groups


def load(seed: int, scale: float = 1.0, years: range = DEFAULT_YEARS) -> None:
    """the synthetic borough's CIN census, SSDA903, Annex A and partner returns"""
    partnership = current_partnership()
    if partnership is None:
        raise RuntimeError("Load the demo partnership first")
    root = Path(settings.VAR_DIR) / "demo-data" / f"seed-{seed}-{years.start}-{years.stop - 1}"
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
    if not files:
        files = generate(root, seed=seed, years=years, la_code=partnership.la_code, scale=scale)
    agencies = {agency.code: agency for agency in partnership.agencies.all()}
    outcomes = [
        outcome
        for code, paths in by_submitter(returns_in(files, root), root).items()
        for outcome in ingest_paths(
            actor=SYSTEM, partnership=partnership, paths=paths, agency=agencies.get(code)
        )
    ]
    stored = sum(1 for o in outcomes if o.accepted and not o.already_stored)
    rejected = [o for o in outcomes if not o.accepted]
    print(f"  {stored} returns stored, {len(outcomes) - stored - len(rejected)} already there")
    for outcome in rejected:
        print(f"  REJECTED {outcome.submission}: {outcome.parsed.problems[:1]}")
    schedule(partnership)


def schedule(partnership: Partnership) -> None:
    """Last year's and this year's standard returns, as an administrator would schedule them
    after saying which returns the council and the domestic abuse service send."""
    for agency in partnership.agencies.filter(code__in=OWN_RETURNS):
        if not agency.returns.exists():
            set_agency_returns(actor=SYSTEM, agency=agency, formats=OWN_RETURNS[agency.code])
    this_year = years.start_year_of(timezone.localdate(), partnership.financial_year_start_month)
    added = [
        due
        for start_year in (this_year - 1, this_year)
        for due in schedules.add_standard_year(
            actor=SYSTEM, partnership=partnership, start_year=start_year
        )
    ]
    print(f"  {len(added)} returns added to the schedule")
