from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lineofsight.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lineofsight.reports.sections import register_builtin

        register_builtin()
