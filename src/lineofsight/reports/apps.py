from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lineofsight.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lineofsight.reports.sections import register_builtin

        register_builtin()

        from lineofsight.reminders.sources import register_reminder_source
        from lineofsight.reports.reminders import unsent_yearly_reports

        register_reminder_source("reports.yearly_report_sent", unsent_yearly_reports)
