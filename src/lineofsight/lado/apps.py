from django.apps import AppConfig


class LadoConfig(AppConfig):
    name = "lineofsight.lado"
    label = "lado"
    verbose_name = "Allegations against people who work with children (LADO)"

    def ready(self) -> None:
        from lineofsight.datasets.record_imports import register_record_import
        from lineofsight.lado import action_sources, home, report_section
        from lineofsight.lado.imports import store

        action_sources.register()
        home.register()
        report_section.register()
        register_record_import("lado_referrals", store)
