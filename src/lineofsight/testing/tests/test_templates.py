"""The session template behind ``computed``: a copy is what building for real gives."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.db import models, transaction

from lineofsight.audit.models import AuditLog
from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.performance.compute import current_fingerprint, returns_since_last_compute
from lineofsight.performance.models import ComputeRun, IndicatorResult
from lineofsight.testing.fixtures import (
    _compute,
    _computed_populations,
    _copy_computed,
    _ingest_synthetic,
)
from lineofsight.testing.templates import TemplateConflict, TemplateRefused, _tables, capture

UNCOMPARED = {  # what differs between two builds of the same data: names made of primary keys
    (ComputeRun, "fingerprint"),
    (AuditLog, "object_repr"),
}


def _ranks() -> dict[type[models.Model], dict[Any, int]]:
    """Each row's position in its table, in primary key (creation) order."""
    return {
        model: {
            pk: i for i, pk in enumerate(sorted(model._base_manager.values_list("pk", flat=True)))
        }
        for model in _tables()
    }


def _state() -> dict[str, Counter]:
    """Every table as a multiset of rows, primary keys and times left out and references (the
    audit log's object ids and a run's snapshot ids included) replaced by positions."""
    ranks = _ranks()
    by_label = {m._meta.label: m for m in ranks}
    state = {}
    for model in ranks:
        rows: Counter = Counter()
        for row in model._base_manager.values():
            kept = []
            for f in model._meta.concrete_fields:
                value = row[f.attname]
                if f.primary_key or isinstance(f, models.DateTimeField):
                    continue
                if (model, f.name) in UNCOMPARED:
                    continue
                target = (
                    f.related_model if f.is_relation else by_label.get(row.get("object_type", ""))
                )
                if f.is_relation and target is not None and value is not None:
                    value = ranks[target][value]
                elif model is ComputeRun and f.name == "snapshot_ids":
                    value = [ranks[Snapshot][pk] for pk in value]
                elif model is AuditLog and f.name == "object_id" and target and value.isdigit():
                    value = ranks[target].get(int(value), value)
                elif model is AuditLog and f.name in ("before", "after") and value:
                    value = dict(value)
                    if target and "id" in value:  # the object's own primary key
                        value["id"] = ranks[target].get(value["id"], value["id"])
                    if "snapshots" in value:
                        value["snapshots"] = [ranks[Snapshot][pk] for pk in value["snapshots"]]
                kept.append((f.name, repr(value)))
            rows[tuple(kept)] += 1
        state[model._meta.label] = rows
    return state


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.django_db
def test_a_copy_of_the_computed_template_is_what_building_it_here_gives(
    partnership, agency, computed_template, settings, synthetic_var_dir, tmp_path, capsys
):
    """``agency`` is the police: the police's partner returns are stored as its own."""
    settings.VAR_DIR = synthetic_var_dir
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    _computed_populations(partnership)

    built_here = transaction.savepoint()
    _ingest_synthetic(partnership)
    _compute(partnership)
    built, built_files = _state(), _files(settings.SNAPSHOT_DIR)
    transaction.savepoint_rollback(built_here)
    shutil.rmtree(settings.SNAPSHOT_DIR)

    run = _copy_computed(computed_template, partnership)
    copied, copied_files = _state(), _files(settings.SNAPSHOT_DIR)
    capsys.readouterr()

    assert Submission.objects.filter(agency=agency).count() == 3  # police 2019, 2020, 2021
    assert IndicatorResult.objects.filter(partnership=partnership, run=run).count() > 1000
    assert {label: rows for label, rows in copied.items() if rows} == {
        label: rows for label, rows in built.items() if rows
    }
    assert copied_files == built_files
    assert run.fingerprint == current_fingerprint(partnership)
    assert returns_since_last_compute(partnership) == 0


@pytest.mark.django_db
def test_a_partnership_unlike_the_templates_is_not_copied_into(
    partnership, computed_template, settings, tmp_path
):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    _computed_populations(partnership)
    services.set_population(actor=SYSTEM, partnership=partnership, year=2019, under_18=70_000)
    with pytest.raises(TemplateConflict):
        _copy_computed(computed_template, partnership)
    assert not Submission.objects.exists() and not IndicatorResult.objects.exists()


@pytest.mark.django_db
def test_a_copy_never_reuses_primary_keys_a_test_already_holds(
    partnership, computed_template, settings, tmp_path
):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    _computed_populations(partnership)
    template = computed_template.template
    taken = min(r["id"] for phase in template.phases for r in phase.rows.get(ComputeRun, []))
    ComputeRun.objects.create(pk=taken, partnership=partnership, fingerprint="mine")
    with pytest.raises(TemplateConflict, match="ComputeRun"):
        _copy_computed(computed_template, partnership)
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_build_that_changes_a_row_it_did_not_create_is_refused(partnership):
    def rename(made):
        services.set_financial_year_start(actor=SYSTEM, partnership=made, month=1)

    with pytest.raises(TemplateRefused, match="Partnership"):
        capture(lambda: partnership, [rename])
