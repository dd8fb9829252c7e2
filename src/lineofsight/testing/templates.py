"""Database templates for tests: an expensive state built once per test session, copied per test.

``capture`` runs build steps (each a *phase*) inside a transaction that it then rolls back, and
keeps every row the steps created and how many on-commit callbacks they queued (the caller keeps
the files they wrote).  ``Template.load`` inserts those rows again into the current test's
database, phase by phase: rows of a model that copied rows refer to keep their primary keys (so
references between copied rows, and the object ids the audit log names, stay right); other rows
(audit entries, indicator results) get new ones; foreign keys to the template's partnership point
at the test's; times move forward by the template's age.  Sequences are reset (PostgreSQL).

A build that changes or deletes a row it did not create is refused when captured (a copy of new
rows could not reproduce it), as is an on-commit callback a copy cannot replay.  A copy that
cannot be exact (a kept primary key already taken, a reference to a row that is not there) raises
``TemplateConflict`` before anything is written: the caller then builds the state for real.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from lineofsight.partnership.models import Partnership

Row = dict[str, Any]
Adjust = Callable[[Row], None]


class TemplateConflict(Exception):
    """The template cannot be copied exactly into this test's database."""


class TemplateRefused(Exception):
    """The build did something a copy of its new rows could not reproduce."""


@dataclass
class Phase:
    """The rows one build step created (by model, in an order that respects references) and how
    many on-commit callbacks it queued."""

    rows: dict[type[models.Model], list[Row]]
    on_commit: int


@dataclass
class Template:
    phases: list[Phase]
    finished_at: dt.datetime
    partnership_pk: int | None = None
    snapshot_dir: Path | None = None
    results: list[Any] = field(default_factory=list)
    _adapted: dict[tuple[str, int, type[models.Model]], list[list[Any]]] = field(
        default_factory=dict, repr=False
    )

    def copy_snapshots(self, target: Path) -> None:
        """The Parquet snapshots the build wrote, copied to ``target`` (the test's SNAPSHOT_DIR)."""
        if self.snapshot_dir is not None and self.snapshot_dir.exists():
            shutil.copytree(self.snapshot_dir, target, dirs_exist_ok=True)

    def load(
        self,
        partnership: Partnership | None = None,
        *,
        adjust: dict[type[models.Model], Adjust] | None = None,
        between: Sequence[Callable[[int], None]] = (),
    ) -> None:
        """Insert the template's rows, phase by phase, each phase in its own transaction.

        ``partnership`` takes the place of the template's; ``adjust[model](row)`` may change a
        row of that model before it is written; ``between[i](on_commit)`` runs after phase ``i``
        is written, given the number of on-commit callbacks that phase queued when built."""
        plans = self._plan(partnership, adjust or {})
        for index, plan in enumerate(plans):
            with transaction.atomic(), connection.cursor() as cursor:
                for model, columns, values in plan:
                    table = connection.ops.quote_name(model._meta.db_table)
                    names = ", ".join(connection.ops.quote_name(c) for c in columns)
                    marks = ", ".join(["%s"] * len(columns))
                    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
                    cursor.executemany(sql, values)
                kept = [model for model, columns, _ in plan if model._meta.pk.column in columns]
                for sql in connection.ops.sequence_reset_sql(no_style(), kept):
                    cursor.execute(sql)
            if index < len(between):
                between[index](self.phases[index].on_commit)

    def _plan(
        self, partnership: Partnership | None, adjust: dict[type[models.Model], Adjust]
    ) -> list[list[tuple[type[models.Model], list[str], list[list[Any]]]]]:
        """What to insert, checked against this test's database before anything is written."""
        shift = timezone.now() - self.finished_at
        copied = self._copied_pks()
        referenced = {
            f.related_model
            for phase in self.phases
            for model in phase.rows
            for f in model._meta.concrete_fields
            if f.is_relation
        }
        outside: dict[type[models.Model], set[Any]] = {}
        plans = []
        for number, phase in enumerate(self.phases):
            plan = []
            for model, rows in phase.rows.items():
                # rows nothing refers to get new primary keys (the test may have some already)
                keep = model in referenced
                fields_ = [f for f in model._meta.concrete_fields if keep or not f.primary_key]
                if keep:
                    kept = [r[model._meta.pk.attname] for r in rows]
                    if model._base_manager.filter(pk__in=kept).exists():
                        raise TemplateConflict(f"{model._meta.label}: its primary keys are taken")
                values = self._values(
                    (number, model), fields_, rows, partnership, shift, adjust.get(model)
                )
                for position, f in enumerate(fields_):
                    if f.is_relation:
                        assert f.related_model is not None
                        target = f.related_model
                        wanted = {v[position] for v in values if v[position] is not None}
                        own = copied.get(target, set())
                        outside.setdefault(target, set()).update(wanted - own)
                plan.append((model, [f.column or f.attname for f in fields_], values))
            plans.append(plan)
        for target, pks in outside.items():
            if target._base_manager.filter(pk__in=pks).count() != len(pks):
                raise TemplateConflict(f"{target._meta.label}: a row the copy refers to is missing")
        return plans

    def _values(
        self,
        which: tuple[int, type[models.Model]],
        fields_: list[models.Field],
        rows: list[Row],
        partnership: Partnership | None,
        shift: dt.timedelta,
        adjust: Adjust | None,
    ) -> list[list[Any]]:
        """The rows as database parameters: adapted once per database vendor and copied; times
        shifted, the partnership swapped and ``adjust`` applied per test."""
        key = (connection.vendor, *which)
        if key not in self._adapted:
            self._adapted[key] = [
                [f.get_db_prep_save(row[f.attname], connection) for f in fields_] for row in rows
            ]
        adapted = self._adapted[key]
        times = [i for i, f in enumerate(fields_) if isinstance(f, models.DateTimeField)]
        swap = [
            i
            for i, f in enumerate(fields_)
            if f.is_relation and f.related_model is Partnership and partnership is not None
        ]
        if not times and not swap and adjust is None:
            return adapted
        values = []
        for row, prepared in zip(rows, adapted, strict=True):
            value = list(prepared)
            for i in times:
                if row[fields_[i].attname] is not None:
                    moved = row[fields_[i].attname] + shift
                    value[i] = fields_[i].get_db_prep_save(moved, connection)
            for i in swap:
                if row[fields_[i].attname] == self.partnership_pk:
                    value[i] = partnership.pk  # type: ignore[union-attr]
            if adjust is not None:
                changed = dict(row)
                adjust(changed)
                for i, f in enumerate(fields_):
                    if changed[f.attname] != row[f.attname]:
                        value[i] = f.get_db_prep_save(changed[f.attname], connection)
            values.append(value)
        return values

    def _copied_pks(self) -> dict[type[models.Model], set[Any]]:
        copied: dict[type[models.Model], set[Any]] = {}
        for phase in self.phases:
            for model, rows in phase.rows.items():
                copied.setdefault(model, set()).update(r[model._meta.pk.attname] for r in rows)
        return copied


def _tables() -> list[type[models.Model]]:
    """The models with a table in this database (a test may declare a model without one)."""
    existing = set(connection.introspection.table_names())
    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and m._meta.db_table in existing
    ]


def _state() -> dict[type[models.Model], dict[Any, Row]]:
    return {
        model: {row[model._meta.pk.attname]: row for row in model._base_manager.values()}
        for model in _tables()
    }


def _ordered(models_: Sequence[type[models.Model]]) -> list[type[models.Model]]:
    """Models with the ones they refer to first (references to themselves aside)."""
    remaining = list(models_)
    done: list[type[models.Model]] = []
    while remaining:
        for model in remaining:
            targets = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is not model
            }
            if not targets & set(remaining):
                break
        else:  # a cycle: the constraints are deferred, any order will do
            model = remaining[0]
        remaining.remove(model)
        done.append(model)
    return done


ON_COMMIT_ALLOWED = ("after_return_accepted.<locals>.<lambda>",)


def capture(before: Callable[[], Any], steps: Sequence[Callable[[Any], Any]]) -> Template:
    """Run ``before()`` and then each ``step(what before returned)`` in a transaction that is
    rolled back; keep the rows each step created (not the rows of ``before``).  When ``before``
    returns a partnership, a copy puts the test's partnership in its place."""
    phases: list[Phase] = []
    results: list[Any] = []
    with _rolled_back():
        made = before()
        state = _state()
        for step in steps:
            queued = len(connection.run_on_commit)
            results.append(step(made))
            names = [callback[1].__qualname__ for callback in connection.run_on_commit[queued:]]
            unknown = [name for name in names if name not in ON_COMMIT_ALLOWED]
            if unknown:
                raise TemplateRefused(f"on-commit callbacks a copy cannot replay: {unknown}")
            after = _state()
            phases.append(Phase(rows=_created(state, after), on_commit=len(names)))
            state = after
        finished_at = timezone.now()
    return Template(
        phases=phases,
        finished_at=finished_at,
        partnership_pk=made.pk if isinstance(made, Partnership) else None,
        results=results,
    )


def _created(
    before: dict[type[models.Model], dict[Any, Row]],
    after: dict[type[models.Model], dict[Any, Row]],
) -> dict[type[models.Model], list[Row]]:
    created: dict[type[models.Model], list[Row]] = {}
    for model, rows in after.items():
        old = before[model]
        changed = [pk for pk, row in old.items() if rows.get(pk) != row]
        if changed:
            raise TemplateRefused(f"the build changed or deleted {model._meta.label} {changed[:5]}")
        new = [row for pk, row in sorted(rows.items()) if pk not in old]
        if new:
            created[model] = new
    return {model: created[model] for model in _ordered(list(created))}


class _Rollback(Exception):
    pass


@contextlib.contextmanager
def _rolled_back() -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass
