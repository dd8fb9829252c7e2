"""Formats whose accepted rows are records people keep (child deaths, LADO referrals...), stored
in their app's tables through its services instead of a Parquet snapshot.

An app registers its importer in ``AppConfig.ready()``::

    register_record_import("child_deaths", cdop.imports.store)

``store(actor, partnership, parsed) -> list[Problem]`` runs inside the ingest's transaction; any
error it returns (or a ``PermissionDenied``) rolls back everything it wrote and the return is
rejected with those problems, like a file the parser refused.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet

from lineofsight.formats import Parsed, Problem

RecordImport = Callable[[Any, Any, Parsed], list[Problem]]

_IMPORTS: dict[str, RecordImport] = {}


def register_record_import(format_name: str, store: RecordImport) -> None:
    _IMPORTS[format_name] = store


def record_import(format_name: str) -> RecordImport | None:
    return _IMPORTS.get(format_name)


def row_problem(
    parsed: Parsed,
    row: dict[str, Any] | None,
    field: str,
    value: Any,
    message: str,
    *,
    rule: str,
    severity: str = "error",
) -> Problem:
    """A problem with one row (``row["row"]``, its line in the file) of a record import."""
    return Problem(
        file=parsed.source_files[0] if parsed.source_files else "",
        location=f"row {row['row']}" if row else "",
        field=field,
        value=str(value)[:80],
        message=message,
        severity=severity,  # type: ignore[arg-type]
        rule=rule,
    )


class RowRefused(Exception):
    """A row that cannot become a record (``field`` and ``value`` name what is wrong)."""

    def __init__(self, field: str, value: Any, message: str) -> None:
        super().__init__(message)
        self.field, self.value, self.message = field, value, message


def code_in_use(
    in_use: dict[str, Any], value: Any, *, field: str, message: str, required: bool = False
) -> Any:
    """The configured entry (sector, category...) whose code is ``value``; ``None`` for an empty
    optional ``value``; ``RowRefused`` if the code is not among those ``in_use``."""
    if not value and not required:
        return None
    entry = in_use.get(str(value))
    if entry is None:
        raise RowRefused(field, value, message)
    return entry


def codes_in_use(model: type[Model]) -> dict[str, Any]:
    """The entries of a configured list (``model``: sectors, categories...) in use, by code."""
    entries: QuerySet[Any] = model._default_manager.filter(active=True)
    return {entry.code: entry for entry in entries}


def store_new_records(
    parsed: Parsed,
    *,
    table: str,
    model: type[Model],
    partnership: Any,
    key_field: str,
    already: str,
    rule: str,
    build: Callable[[dict[str, Any]], dict[str, Any]],
    create: Callable[[dict[str, Any], dict[str, Any]], Any],
) -> list[Problem]:
    """Hand each row of ``table`` whose ``reference`` is not already one of ``partnership``'s
    records of ``model`` to ``build`` (the record's fields, or ``RowRefused``) and
    ``create(fields, row)`` (the app's audited service).  A known reference is a warning
    (``already``, rule ``<rule>.already_recorded``, column ``key_field``); a refused row or a
    ``ValidationError`` is an error per field (``<rule>.record_refused``)."""
    known = set(
        model._default_manager.filter(partnership=partnership).values_list("reference", flat=True)
    )
    problem = partial(row_problem, parsed, rule=f"{rule}.record_refused")
    problems: list[Problem] = []
    for row in parsed.tables.get(table, []):
        if row["reference"] in known:
            problems.append(
                problem(
                    row,
                    key_field,
                    row["reference"],
                    already,
                    severity="warning",
                    rule=f"{rule}.already_recorded",
                )
            )
            continue
        try:
            fields = build(row)
        except RowRefused as refused:
            problems.append(problem(row, refused.field, refused.value, refused.message))
            continue
        try:
            create(fields, row)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                problems.append(problem(row, name, fields.get(name, ""), " ".join(messages)))
    return problems
