from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest

from lineofsight.lib.free_text import FreeTextGuard
from lineofsight.partnership.models import User


class SignInForm(forms.Form):
    username = forms.CharField(
        error_messages={"required": "Enter your username"},
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        error_messages={"required": "Enter your password"},
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: HttpRequest, *args: object, **kwargs: object) -> None:
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.errors:
            return data
        self.user = authenticate(
            self.request, username=data.get("username"), password=data.get("password")
        )
        if self.user is None and not getattr(self.request, "axes_locked_out", False):
            raise forms.ValidationError(
                "Enter a correct username and password. Both are case-sensitive."
            )
        return data


class TokenForm(forms.Form):
    token = forms.CharField(
        error_messages={"required": "Enter the 6-digit security code from your authenticator app"},
        label="Security code",
        help_text="The 6-digit code from your authenticator app",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError("Enter the 6-digit code using numbers only")
        return token


class ResetTwoFactorForm(FreeTextGuard, forms.Form):
    identifier_fields_allowed = frozenset({"username"})

    username = forms.CharField(
        label="Username",
        max_length=150,
        error_messages={"required": "Enter the username of the person who is locked out"},
    )
    reason = forms.CharField(
        label="Reason",
        help_text="For example, 'lost phone, identity checked by a call back'. Kept in the log",
        max_length=500,
        error_messages={"required": "Enter why you are resetting their two-factor authentication"},
    )

    user: User  # set by clean_username: the form is valid only when the user exists

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(f"There is no user called {username}")
        self.user = user
        return username


class ForgottenPasswordForm(forms.Form):
    """An address looked up to send a link to; nothing typed here is stored."""

    email = forms.EmailField(
        label="Email address",
        help_text="The address your partnership administrator holds for you",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class RemindersForm(forms.Form):
    email_reminders = forms.BooleanField(
        label="Email me reminders of returns and actions due or late", required=False
    )
