"""Issue 9: templates receive what they may offer (``allowed``) from the views, whose rules live
in each app's ``policies``; no template re-derives a permission."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[2]


def test_no_template_calls_has_permission():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.glob("*/jinja2/**/*.html")
        if "has_permission(" in path.read_text()
    ]
    assert offenders == []


def test_each_learning_app_has_its_policies():
    for app in ("actions", "reviews", "assurance", "delivery", "datasets"):
        assert (SRC / app / "policies.py").is_file(), app
