from lineofsight.lib import apps as shared


class AccountsConfig(shared.ModuleConfig):
    verbose_name = "Sign in and two-factor authentication"

    def ready(self) -> None:
        from lineofsight.accounts import signals  # noqa: F401 - connects the sign-in audit
