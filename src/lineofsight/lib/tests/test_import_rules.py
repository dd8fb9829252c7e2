"""Import rules, checked on every test run (issue 9; ``ast`` over ``src``, no dependency).

1. The pure packages import no Django and no Django app.  (``audit/disclosure.py`` is not pure
   yet: ``policy_of`` looks a model up by label through ``django.apps``.)
2. A Django app uses another app only through its public modules (``PUBLIC``); its views, forms
   and internals stay its own.  ``partnership.models`` (Partnership, Agency, User) and
   ``audit.models`` (``AuditLog.Action``) are the shared kernel every app may use.  Any other
   cross-app import of models, views or forms is an explicit, reasoned exception (``EXCEPTIONS``).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
PURE = {"formats", "synth", "indicators", "charts", "published", "calendar", "disclosure"}
PURE_MODULES: set[str] = set()
NOT_APPS = PURE | {"lib", "govuk", "config", "commands", "testing", "background"}
PUBLIC = {
    "services",
    "selectors",
    "policies",
    "sources",
    "theme_sources",
    "action_sources",
    "verbs",
    "actors",
    "access",
    "roles",
    "reads",
    "disclosure",
    "tasks",
    "home_panels",  # partnership: the home-page panel registry
    "record_imports",  # datasets: the registry of record-keeping apps' imports
    "pseudonyms",  # reviews: the one rule for a child's pseudonymous reference
    "deadlines",  # reviews: overdue wording shared with cdop and reports
    "registry",  # reports: the report-section registry (apps register their sections)
    "content",  # reports: the blocks a registered section returns
}
KERNEL = {"partnership.models", "audit.models"}
EXCEPTIONS = {
    # Administration (partnership branch): the links a user is sent (sign-in, password reset)
    ("accounts/views.py", "partnership.links"),
    # Administration pages manage agencies' returns: submitters and what is due
    ("partnership/admin_views.py", "datasets.models"),
    ("partnership/admin_views.py", "datasets.submitters"),
    ("partnership/admin_views.py", "datasets.schedules"),
    # Reminders read what is due and late across actions and returns (read-only)
    ("reminders/services.py", "actions.models"),
    ("reminders/services.py", "datasets.schedules"),
    ("reminders/services.py", "datasets.models"),
    # ForeignKeys, ModelMultipleChoiceFields and demo rows to the shared learning themes
    ("assurance/models.py", "actions.models"),
    ("assurance/forms.py", "actions.models"),
    ("assurance/demo.py", "actions.models"),
    ("assurance/demo.py", "actions.themes"),
    ("reviews/models.py", "actions.models"),
    ("reviews/forms.py", "actions.models"),
    ("reviews/demo.py", "actions.models"),
    ("reviews/demo.py", "actions.themes"),
    # the one generic "raise an action from this record" view, mounted under each source's URLs
    ("assurance/urls.py", "actions.views"),
    ("delivery/urls.py", "actions.views"),
    # success measures read the indicator results the performance app stores
    ("delivery/selectors.py", "performance.models"),
    # recompute reads the snapshots datasets stores
    ("performance/compute.py", "datasets.models"),
    # the backup copies the snapshot store
    ("operations/backup.py", "datasets.storage"),
    # shared learning themes and actions, as in assurance and reviews
    ("cdop/demo.py", "actions.models"),
    ("cdop/demo.py", "actions.themes"),
    ("cdop/selectors.py", "actions.models"),
    ("cdop/models.py", "actions.models"),
    ("cdop/forms.py", "actions.models"),
    # governance (ADR 0021): findings and procedures carry the shared learning themes
    ("governance/models.py", "actions.models"),
    ("governance/forms.py", "actions.models"),
    ("governance/demo.py", "actions.models"),
    ("governance/demo.py", "actions.themes"),
    # voice (ADR 0022): shared learning themes on feedback, recommendations and forum notes
    ("voice/models.py", "actions.models"),
    ("voice/forms.py", "actions.models"),
    ("voice/demo.py", "actions.models"),
    ("voice/demo.py", "actions.themes"),
    # voice registers two yearly-report sections: the registry, its blocks, and the participation
    # indicators drawn as every indicator section draws them
    ("voice/report_sections.py", "reports.sections"),
    # workforce: shared learning themes (as in cdop)
    ("workforce/demo.py", "actions.models"),
    ("workforce/demo.py", "actions.themes"),
    ("workforce/forms.py", "actions.models"),
    ("workforce/models.py", "actions.models"),
}


def _imports(path: Path) -> list[str]:
    """``lineofsight.X.Y`` targets of ``path``'s imports, as ``X.Y`` (or ``X``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "django":
                found.append("django")
            if parts[0] != "lineofsight" or len(parts) == 1:
                continue
            if len(parts) == 2:
                found += [f"{parts[1]}.{alias.name}" for alias in node.names]
            else:
                found.append(".".join(parts[1:3]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "django":
                    found.append("django")
                elif parts[0] == "lineofsight" and len(parts) > 1:
                    found.append(".".join(parts[1:3]))
    return found


def _sources(under: Path) -> list[Path]:
    return [
        p for p in under.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts
    ]


def test_pure_packages_import_no_django_and_no_app():
    paths = [p for name in PURE for p in _sources(SRC / name)]
    paths += [SRC / name for name in PURE_MODULES]
    offences = []
    for path in paths:
        for target in _imports(path):
            top = target.split(".")[0]
            if top == "django" or (top not in PURE and Path(path).name != "__init__.py"):
                if f"{target.replace('.', '/')}.py" in PURE_MODULES:
                    continue
                offences.append(f"{path.relative_to(SRC)} imports {target}")
    assert offences == []


def test_apps_use_each_other_only_through_public_modules():
    apps = {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file()} - NOT_APPS
    offences, used = [], set()
    for app in sorted(apps):
        for path in _sources(SRC / app):
            rel = str(path.relative_to(SRC))
            for target in _imports(path):
                other, _, module = target.partition(".")
                if other == app or other not in apps or target in KERNEL:
                    continue
                if module in PUBLIC:
                    continue
                if (rel, target) in EXCEPTIONS:
                    used.add((rel, target))
                    continue
                offences.append(f"{rel} imports {target}")
    assert offences == []
    assert EXCEPTIONS - used == set(), "an exception no longer needed: remove it"
