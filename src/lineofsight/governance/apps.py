from lineofsight.lib import apps as shared


class GovernanceConfig(shared.ModuleConfig):
    name = "lineofsight.governance"
    label = "governance"
    verbose_name = "Partnership governance"
    registers = ("action_sources", "home", "report_section")

    def ready(self) -> None:
        super().ready()
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.governance.selectors import finding_occurrences, procedure_occurrences

        register_theme_source(
            "inspection_finding",
            "inspection finding",
            "inspection findings",
            finding_occurrences,
            order=45,
            view_permission="governance.view",
        )
        register_theme_source(
            "procedure",
            "multi-agency procedure",
            "multi-agency procedures",
            procedure_occurrences,
            order=46,
            view_permission="governance.view",
        )
