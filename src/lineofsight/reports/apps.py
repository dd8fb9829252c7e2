from lineofsight.lib import apps as shared


class ReportsConfig(shared.ModuleConfig):
    default_auto_field = "django.db.models.BigAutoField"
    registers = ("reminders",)

    def ready(self) -> None:
        super().ready()
        from lineofsight.reports.sections import register_builtin

        register_builtin()
