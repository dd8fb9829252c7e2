"""Audit verbs are constants in each app's ``verbs.py``: unique, well formed, never retyped."""

import importlib
import re
from pathlib import Path

APPS = ["actions", "assurance", "delivery", "reviews"]
SRC = Path(__file__).resolve().parents[2]


def test_verbs_are_unique_and_well_formed():
    seen: dict[str, str] = {}
    for app in APPS:
        module = importlib.import_module(f"lineofsight.{app}.verbs")
        for name, verb in vars(module).items():
            if name.isupper():
                assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", verb), (app, name)
                assert verb not in seen, f"{verb} in both {seen.get(verb)} and {app}"
                seen[verb] = app


def test_services_use_the_constants_not_strings():
    for app in APPS:
        for path in (SRC / app).rglob("*.py"):
            if "tests" in path.parts or path.name == "verbs.py":
                continue
            text = path.read_text()
            assert not re.search(r'verb=f?"', text), f"{path}: use {app}/verbs.py"
