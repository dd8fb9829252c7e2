"""The audit log is append-only in the database itself (issue 8 item 11, ADR 4).

These run on whichever database the suite uses: SQLite by default, PostgreSQL when
``DATABASE_URL`` is a postgres:// URL (as in CI's PostgreSQL pass).
"""

from __future__ import annotations

import pathlib
import re

import pytest
from django.db import DatabaseError, connection, transaction

from lineofsight.audit import append_only
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.partnership.actors import SYSTEM


def _row(actor=SYSTEM) -> AuditLog:
    with transaction.atomic():
        return record(actor=actor, verb="x.y", action=AuditLog.Action.OTHER, object_type="x")


def _raw(sql: str, params: list) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_raw_sql_update_of_the_audit_log_is_refused_by_the_database():
    row = _row()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("UPDATE audit_auditlog SET verb = %s WHERE id = %s", ["tampered", row.pk])
    row.refresh_from_db()
    assert row.verb == "x.y"


@pytest.mark.django_db
def test_raw_sql_delete_from_the_audit_log_is_refused_by_the_database():
    row = _row()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM audit_auditlog WHERE id = %s", [row.pk])
    assert AuditLog.objects.filter(pk=row.pk).exists()


@pytest.mark.django_db
def test_orm_bulk_paths_round_the_model_guards_are_refused_too():
    """``_raw_delete`` and a plain UPDATE query skip the model's and queryset's own guards."""
    row = _row()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditLog.objects.filter(pk=row.pk)._raw_delete(connection.alias)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models_update = super(type(AuditLog.objects.all()), AuditLog.objects.filter(pk=row.pk))
        models_update.update(verb="tampered")
    assert AuditLog.objects.get(pk=row.pk).verb == "x.y"


@pytest.mark.django_db(transaction=True)  # committed rows: no pending foreign-key checks
def test_emptying_the_whole_audit_log_is_refused():
    """PostgreSQL: TRUNCATE (which row triggers do not see: a statement trigger refuses it).
    SQLite has no TRUNCATE: its 'truncate optimisation' is an unqualified DELETE, which must
    still reach the row trigger."""
    _row()
    statement = (
        "TRUNCATE audit_auditlog"
        if connection.vendor == "postgresql"
        else ("DELETE FROM audit_auditlog")
    )
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(statement, [])
    assert AuditLog.objects.exists()


@pytest.mark.django_db
def test_deleting_a_user_with_history_is_refused_so_the_actor_link_stays(make_user):
    """The actor foreign key is SET_NULL: deleting a user would rewrite their audit rows."""
    user = make_user()
    _row(actor=user)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        user.delete()
    assert AuditLog.objects.filter(actor=user).exists()


@pytest.mark.django_db(transaction=True)
def test_test_flush_still_empties_the_log_and_puts_the_triggers_back():
    """TransactionTestCase/transactional_db flush: the test run's wrapper (testing.append_only)
    removes and re-installs the triggers around it; the triggers work again afterwards."""
    from django.core.management import call_command

    _row()
    call_command("flush", verbosity=0, interactive=False)
    assert not AuditLog.objects.exists()
    row = _row()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM audit_auditlog WHERE id = %s", [row.pk])


def test_application_code_never_imports_the_test_flush_escape():
    importing = re.compile(
        r"^\s*(from lineofsight\.testing(\.append_only)? import|import lineofsight\.testing)",
        re.MULTILINE,
    )
    root = pathlib.Path(append_only.__file__).resolve().parent.parent
    users = [
        path
        for path in root.rglob("*.py")
        if importing.search(path.read_text())
        and "tests" not in path.parts
        and path.parent.name != "testing"
    ]
    assert users == []


def test_sql_is_defined_for_both_supported_databases():
    for vendor in ("sqlite", "postgresql"):
        assert append_only.install_sql(vendor) and append_only.remove_sql(vendor)
    with pytest.raises(NotImplementedError):
        append_only.install_sql("oracle")
