"""Writes about accounts: two-factor devices (each audited in its own transaction).

The rules on who may set up, replace or reset an authenticator are in ``accounts.policies``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from lineofsight.accounts.policies import may_reset_two_factor, may_set_up_two_factor
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, record_update
from lineofsight.partnership.models import User


def start_two_factor_setup(user: User, *, verified: bool) -> TOTPDevice:
    """An unconfirmed authenticator for ``user`` (replacing any earlier unconfirmed one).

    ``verified``: whether the session asking is already verified with two-factor; a user who has
    a confirmed authenticator needs one (``policies.may_set_up_two_factor``)."""
    if not may_set_up_two_factor(user, verified=verified):
        raise PermissionDenied("Verify with your current authenticator before setting up another")
    with transaction.atomic():
        user.totpdevice_set.filter(confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        record(
            actor=user,
            verb="two_factor.setup_started",
            action=AuditLog.Action.CREATE,
            obj=device,
            after={"confirmed": False},
        )
        return device


def confirm_two_factor(user: User, device: TOTPDevice, token: str, *, verified: bool) -> bool:
    """Confirm the device if ``token`` is right; returns whether it was.  Confirming a new
    authenticator when the user has one already replaces it (audited as a replacement)."""
    if not may_set_up_two_factor(user, verified=verified):
        raise PermissionDenied("Verify with your current authenticator before setting up another")
    if device.user_id != user.pk or device.confirmed or not device.verify_token(token):
        return False
    with transaction.atomic():
        replaced = list(user.totpdevice_set.filter(confirmed=True).values_list("pk", flat=True))
        user.totpdevice_set.filter(pk__in=replaced).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record_update(
            user,
            device,
            "two_factor.replaced" if replaced else "two_factor.confirmed",
            before={"confirmed": False, "authenticators": len(replaced)},
            after={"confirmed": True, "authenticators": 1},
        )
    return True


def reset_two_factor(*, actor: Any, user: User, reason: str) -> int:
    """Remove all of ``user``'s authenticators (they lost their phone): at their next sign-in they
    set up a new one.  For the administrator or the system; returns how many were removed."""
    if not may_reset_two_factor(actor):
        raise PermissionDenied("Only the partnership administrator can reset two-factor")
    reason = reason.strip()
    if not reason:
        raise ValueError("Give the reason for resetting two-factor authentication")
    with transaction.atomic():
        devices = user.totpdevice_set.all()
        removed = devices.count()
        devices.delete()
        record(
            actor=actor,
            verb="two_factor.reset",
            action=AuditLog.Action.DELETE,
            obj=user,
            before={"authenticators": removed},
            after={"authenticators": 0},
            detail={"reason": reason[:500]},
        )
        return removed
