from lineofsight.lib import apps as shared


class LadoConfig(shared.ModuleConfig):
    name = "lineofsight.lado"
    label = "lado"
    verbose_name = "Allegations against people who work with children (LADO)"
    registers = ("action_sources", "home", "report_section")

    def ready(self) -> None:
        super().ready()
        from lineofsight.datasets.record_imports import register_record_import
        from lineofsight.lado.imports import store

        register_record_import("lado_referrals", store)
