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
from typing import Any

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
