"""One-time links to set a password: an invitation, a forgotten password, the first administrator.

A link carries the user's id and a Django password-reset token
(``django.contrib.auth.tokens.default_token_generator``): it works once (the token is made from
the password hash and the last sign-in, so setting the password or signing in spends it) and
expires after ``PASSWORD_RESET_TIMEOUT``.  The page behind it is ``accounts:set_password``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from lineofsight.partnership.models import User


def password_link(user: User, *, base_url: str | None = None) -> str:
    """The absolute one-time link at which ``user`` sets a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:set_password", args=[uid, token])
    return f"{(base_url or settings.SITE_URL).rstrip('/')}{path}"


def user_for_link(uidb64: str, token: str) -> User | None:
    """The user a link is for, or ``None`` if it is unknown, spent or expired."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    if not user.is_active or not default_token_generator.check_token(user, token):
        return None
    return user


def send_invitation(user: User, *, partnership_name: str, base_url: str | None = None) -> None:
    link = password_link(user, base_url=base_url)
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    send_mail(
        f"You have been invited to {partnership_name} (Line of Sight)",
        f"Hello {user.get_full_name() or user.username},\n\n"
        f"You have an account on {partnership_name}'s Line of Sight. Your username is "
        f"{user.username}.\n\nSet your password here (the link works once, for {hours} hours):"
        f"\n{link}\n\nYou will then set up two-factor authentication with an authenticator app."
        "\n",
        None,
        [user.email],
    )


def send_password_reset(user: User, *, base_url: str | None = None) -> None:
    link = password_link(user, base_url=base_url)
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    send_mail(
        "Reset your Line of Sight password",
        f"Hello {user.get_full_name() or user.username},\n\nSomeone (we hope you) asked to reset "
        f"the password of {user.username}. Choose a new one here (the link works once, for "
        f"{hours} hours):\n{link}\n\nIf it was not you, ignore this email: your password has "
        "not changed.\n",
        None,
        [user.email],
    )
