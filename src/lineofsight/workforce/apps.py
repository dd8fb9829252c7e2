from lineofsight.lib import apps as shared


class WorkforceConfig(shared.ModuleConfig):
    name = "lineofsight.workforce"
    label = "workforce"
    verbose_name = "Workforce development (training)"
    registers = ("home",)

    def ready(self) -> None:
        super().ready()
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.datasets.record_imports import register_record_import
        from lineofsight.reports.registry import register_section
        from lineofsight.workforce import report_section
        from lineofsight.workforce.imports import store
        from lineofsight.workforce.selectors import theme_occurrences

        register_theme_source(
            "training", "training session", "training sessions", theme_occurrences, order=60
        )
        register_record_import("training_records", store)
        register_section(
            "training",
            "Training and its impact",
            report_section.build,
            order=170,
            owner="Training manager",
        )
