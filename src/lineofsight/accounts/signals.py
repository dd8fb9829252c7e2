"""Sign-in, sign-out and failed sign-in attempts go into the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.partnership.actors import SYSTEM


@receiver(user_logged_in)
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    with transaction.atomic():
        record(actor=user, verb="account.sign_in", action=AuditLog.Action.LOGIN, obj=user)


@receiver(user_logged_out)
def audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        with transaction.atomic():
            record(actor=user, verb="account.sign_out", action=AuditLog.Action.LOGOUT, obj=user)


@receiver(user_login_failed)
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    with transaction.atomic():
        record(
            actor=SYSTEM,
            verb="account.sign_in_failed",
            action=AuditLog.Action.LOGIN_FAILED,
            object_type="partnership.User",
            detail={"username": str(credentials.get("username", ""))[:150]},
        )
