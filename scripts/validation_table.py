"""Write docs/validation.md from the rule registry and the public validators' 2024-25 lists.

python scripts/validation_table.py
"""

from __future__ import annotations

from pathlib import Path

from lineofsight.formats.rules.docs import table

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    (ROOT / "docs" / "validation.md").write_text(table(), encoding="utf-8")
