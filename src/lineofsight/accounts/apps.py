from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lineofsight.accounts"
    label = "accounts"
    verbose_name = "Sign in and two-factor authentication"

    def ready(self) -> None:
        from lineofsight.accounts import signals  # noqa: F401 - connects the sign-in audit
