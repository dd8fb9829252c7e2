from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "lineofsight.workforce"
    label = "workforce"
    verbose_name = "Workforce development (training)"

    def ready(self) -> None:
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.datasets.record_imports import register_record_import
        from lineofsight.reports.registry import register_section
        from lineofsight.workforce import home, report_section
        from lineofsight.workforce.imports import store
        from lineofsight.workforce.selectors import theme_occurrences

        register_theme_source(
            "training", "training session", "training sessions", theme_occurrences, order=60
        )
        home.register()
        register_record_import("training_records", store)
        register_section(
            "training",
            "Training and its impact",
            report_section.build,
            order=170,
            owner="Training manager",
        )
