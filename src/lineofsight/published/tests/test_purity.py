"""The published package is pure: it never imports Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_imports_django() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert sources
    offenders = {
        str(path.relative_to(PACKAGE)): name
        for path in sources
        for name in _imported_modules(path)
        if name == "django" or name.startswith("django.")
    }
    assert offenders == {}


def test_importing_the_package_loads_no_django() -> None:
    code = "import sys, lineofsight.published; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
