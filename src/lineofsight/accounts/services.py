"""Writes about accounts: two-factor devices (audited)."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.partnership.models import User


def start_two_factor_setup(user: User) -> TOTPDevice:
    """An unconfirmed authenticator for ``user`` (replacing any earlier unconfirmed one)."""
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


def confirm_two_factor(user: User, device: TOTPDevice, token: str) -> bool:
    """Confirm the device if ``token`` is right; returns whether it was."""
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(
            actor=user,
            verb="two_factor.confirmed",
            action=AuditLog.Action.UPDATE,
            obj=device,
            before={"confirmed": False},
            after={"confirmed": True},
        )
    return True
