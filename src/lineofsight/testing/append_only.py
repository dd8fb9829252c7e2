"""The test run's only way to empty the append-only audit log (ADR 4).

Django's ``flush`` (used between ``TransactionTestCase`` tests and by pytest-django's
``transactional_db`` and live-server tests) empties every table: ``DELETE`` on SQLite and
``TRUNCATE`` on PostgreSQL, both refused by the audit log's triggers.  For the test run only, the
flush SQL is wrapped so the triggers are removed just before and re-installed just after, in the
flush's own transaction.  This gives application code nothing new: removing a trigger is DDL on
the table, which is needed to get round the triggers with or without this module.  Production
code never imports it (a test checks).
"""

from __future__ import annotations

import importlib
from typing import Any

from lineofsight.audit import append_only


def _wrap(operations_class: Any) -> None:
    original = operations_class.sql_flush
    if getattr(original, "lineofsight_wrapped", False):
        return

    def sql_flush(self: Any, style: Any, tables: Any, **kwargs: Any) -> list[str]:
        statements = original(self, style, tables, **kwargs)
        if append_only.TABLE not in tables or not statements:
            return statements
        vendor = self.connection.vendor
        return [*append_only.remove_sql(vendor), *statements, *append_only.install_sql(vendor)]

    sql_flush.lineofsight_wrapped = True  # type: ignore[attr-defined]
    operations_class.sql_flush = sql_flush


def allow_test_flush() -> None:
    """Let the test run's flush empty the audit log (SQLite and PostgreSQL backends)."""
    for backend in ("sqlite3", "postgresql"):
        try:
            wrapper = importlib.import_module(f"django.db.backends.{backend}.base").DatabaseWrapper
        except ImportError:  # e.g. no PostgreSQL driver installed: nothing to wrap
            continue
        _wrap(wrapper.ops_class)
