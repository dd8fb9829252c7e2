from django.apps import AppConfig


class CdopConfig(AppConfig):
    name = "lineofsight.cdop"
    label = "cdop"
    verbose_name = "Child death reviews (CDOP)"

    def ready(self) -> None:
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.cdop import action_sources, home
        from lineofsight.cdop.selectors import theme_occurrences

        register_theme_source(
            "cdop", "child death review", "child death reviews", theme_occurrences, order=40
        )
        action_sources.register()
        home.register()

        from lineofsight.cdop.imports import store
        from lineofsight.datasets.record_imports import register_record_import

        register_record_import("child_deaths", store)

        from lineofsight.cdop import report_section

        report_section.register()
