"""The learning-theme taxonomy: read from ``data/learning_themes.csv`` and kept in the database.

The file is the reference data (name, slug, description); ``sync_themes`` adds themes that are
missing and updates descriptions, never deleting one that records are tagged with.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.text import slugify

THEMES_FILE = Path(__file__).parent / "data" / "learning_themes.csv"


@dataclass(frozen=True)
class ThemeRow:
    name: str
    slug: str
    description: str


def read_themes(path: Path = THEMES_FILE) -> list[ThemeRow]:
    """The taxonomy file, checked: every row has a name, slugs are valid and nothing repeats."""
    rows: list[ThemeRow] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, raw in enumerate(csv.DictReader(handle), start=2):
            name = (raw.get("name") or "").strip()
            slug = (raw.get("slug") or "").strip() or slugify(name)
            if not name:
                raise ValueError(f"{path.name} line {line}: a theme needs a name")
            if slug != slugify(slug):
                raise ValueError(f"{path.name} line {line}: {slug!r} is not a valid slug")
            rows.append(ThemeRow(name, slug, (raw.get("description") or "").strip()))
    for attr in ("name", "slug"):
        values = [getattr(r, attr).lower() for r in rows]
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            raise ValueError(f"{path.name}: repeated theme {attr}: {', '.join(repeated)}")
    return rows


def sync_themes(model: Any, rows: Iterable[ThemeRow] | None = None) -> int:
    """Create or update the themes in ``rows`` (default: the file); returns how many were added.

    ``model`` is the ``LearningTheme`` class (or its historical version in a migration).
    """
    added = 0
    for row in rows if rows is not None else read_themes():
        theme = model.objects.filter(slug=row.slug).first()
        if theme is None:
            model.objects.create(name=row.name, slug=row.slug, description=row.description)
            added += 1
        elif (theme.name, theme.description) != (row.name, row.description):
            theme.name, theme.description = row.name, row.description
            theme.save(update_fields=["name", "description"])
    return added
