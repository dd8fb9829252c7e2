"""ADR 0016: services require an actor; the demo, setup, tasks and command line pass SYSTEM."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db import transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.partnership import services
from lineofsight.partnership.access import check_permission, has_permission
from lineofsight.partnership.actors import SYSTEM, MissingActor, SystemActor

SRC = Path(__file__).resolve().parents[2]


def test_system_holds_every_permission_but_is_not_a_signed_in_person():
    assert has_permission(SYSTEM, "partnership.manage")
    check_permission(SYSTEM, "learning.manage")
    assert SYSTEM.is_authenticated is False and SystemActor() is SYSTEM


def test_a_missing_actor_raises_instead_of_skipping_the_check():
    with pytest.raises(MissingActor):
        has_permission(None, "learning.view")
    with pytest.raises(MissingActor):
        check_permission(None, "learning.view")


@pytest.mark.django_db
def test_a_service_called_with_none_raises_and_writes_nothing():
    with pytest.raises(MissingActor):
        services.create_partnership(actor=None, name="T", la_code="371")
    assert not AuditLog.objects.exists()


@pytest.mark.django_db
def test_the_audit_log_shows_system():
    partnership = services.create_partnership(actor=SYSTEM, name="T", la_code="371")
    row = AuditLog.objects.get(object_id=str(partnership.pk))
    assert row.actor is None and row.actor_label == "system"
    with pytest.raises(MissingActor), transaction.atomic():
        record(actor=None, verb="x.y", action=AuditLog.Action.UPDATE, obj=partnership)


def _offences(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "actor":
            if isinstance(node.value, ast.Constant) and node.value.value is None:
                lines.append(node.lineno)
        if isinstance(node, ast.Compare) and any(
            isinstance(c, ast.Constant) and c.value is None for c in node.comparators
        ):
            if isinstance(node.left, ast.Name) and node.left.id == "actor":
                lines.append(node.lineno)
    return lines


def test_no_code_passes_or_tests_a_none_actor():
    """Every demo builder, setup step, task and command passes SYSTEM (or a user)."""
    offences = []
    for path in SRC.rglob("*.py"):
        if path.name in (Path(__file__).name, "actors.py") or "migrations" in path.parts:
            continue
        source = path.read_text()
        for line in _offences(ast.parse(source)):
            offences.append(f"{path.relative_to(SRC)}:{line}")
        for part in source.split('"""')[1::2]:  # scripts held in strings (subprocess tests)
            try:
                inner = ast.parse(part)
            except SyntaxError:
                continue
            offences += [f"{path.relative_to(SRC)} (script):{n}" for n in _offences(inner)]
    assert offences == []
