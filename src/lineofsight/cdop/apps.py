from lineofsight.lib import apps as shared


class CdopConfig(shared.ModuleConfig):
    name = "lineofsight.cdop"
    label = "cdop"
    verbose_name = "Child death reviews (CDOP)"
    registers = ("action_sources", "home", "report_section")

    def ready(self) -> None:
        super().ready()
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.cdop.imports import store
        from lineofsight.cdop.selectors import theme_occurrences
        from lineofsight.datasets.record_imports import register_record_import

        register_theme_source(
            "cdop", "child death review", "child death reviews", theme_occurrences, order=40
        )
        register_record_import("child_deaths", store)
