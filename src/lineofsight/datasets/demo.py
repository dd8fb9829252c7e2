"""Demo data: the synthetic borough's returns, generated and ingested like real ones."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from lineofsight.datasets.services import ingest_paths
from lineofsight.partnership.selectors import current_partnership
from lineofsight.synth import DEFAULT_YEARS, generate

RETURN_FOLDERS = {"cin", "ssda903", "annex_a", "partner_returns"}


def returns_in(files: list[Path], root: Path) -> list[Path]:
    """The generated files that are returns (not the LADO, CDOP or training records)."""
    return [f for f in files if f.relative_to(root).parts[1] in RETURN_FOLDERS]


def load(seed: int, scale: float = 1.0, years: range = DEFAULT_YEARS) -> None:
    """the synthetic borough's CIN census, SSDA903, Annex A and partner returns"""
    partnership = current_partnership()
    if partnership is None:
        raise RuntimeError("Load the demo partnership first")
    root = Path(settings.VAR_DIR) / "demo-data" / f"seed-{seed}-{years.start}-{years.stop - 1}"
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
    if not files:
        files = generate(root, seed=seed, years=years, la_code=partnership.la_code, scale=scale)
    outcomes = ingest_paths(actor=None, partnership=partnership, paths=returns_in(files, root))
    stored = sum(1 for o in outcomes if o.accepted and not o.already_stored)
    rejected = [o for o in outcomes if not o.accepted]
    print(f"  {stored} returns stored, {len(outcomes) - stored - len(rejected)} already there")
    for outcome in rejected:
        print(f"  REJECTED {outcome.submission}: {outcome.parsed.problems[:1]}")
