"""The audit log is append-only in the database itself (ADR 4): triggers refuse UPDATE and
DELETE on its table (and TRUNCATE on PostgreSQL), whatever code or tool sends them.

The SQL lives here, used by the migration that installs it (``audit/migrations/0003``) and by the
test run's flush (``lineofsight.testing.append_only``), so both always agree.
"""

from __future__ import annotations

from typing import Any

TABLE = "audit_auditlog"
MESSAGE = "The audit log is append-only"

_SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_auditlog_no_{verb.lower()} BEFORE {verb} ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: {verb} refused'); END"
    for verb in ("UPDATE", "DELETE")
]
_SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS audit_auditlog_no_{v}" for v in ("update", "delete")]

_POSTGRES_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION audit_auditlog_refuse() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING
                MESSAGE = '{MESSAGE}: ' || TG_OP || ' refused',
                ERRCODE = 'insufficient_privilege';
        END
        $$""",
    f"CREATE TRIGGER audit_auditlog_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_auditlog_refuse()",
    f"CREATE TRIGGER audit_auditlog_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_auditlog_refuse()",
]
_POSTGRES_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_auditlog_no_truncate ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_auditlog_no_change ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_auditlog_refuse()",
]


_SQL = {
    "sqlite": (_SQLITE_INSTALL, _SQLITE_REMOVE),
    "postgresql": (_POSTGRES_INSTALL, _POSTGRES_REMOVE),
}


def _for(vendor: str) -> tuple[list[str], list[str]]:
    if vendor not in _SQL:
        raise NotImplementedError(f"No append-only triggers for the {vendor} database")
    return _SQL[vendor]


def install_sql(vendor: str) -> list[str]:
    """The statements that make the table append-only on this database vendor."""
    return list(_for(vendor)[0])


def remove_sql(vendor: str) -> list[str]:
    """The statements that undo ``install_sql``."""
    return list(_for(vendor)[1])


def install(apps: Any, schema_editor: Any) -> None:
    for statement in install_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def remove(apps: Any, schema_editor: Any) -> None:
    for statement in remove_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)
