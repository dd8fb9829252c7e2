from lineofsight.lib import apps as shared


class GovernanceConfig(shared.ModuleConfig):
    verbose_name = "Partnership governance"
    registers = ("action_sources", "home", "report_section")
    theme_sources = {
        "inspection_finding": shared.Recurrence(
            "inspection finding",
            "inspection findings",
            "selectors.finding_occurrences",
            order=45,
            view_permission="governance.view",
        ),
        "procedure": shared.Recurrence(
            "multi-agency procedure",
            "multi-agency procedures",
            "selectors.procedure_occurrences",
            order=46,
            view_permission="governance.view",
        ),
    }
