from lineofsight.lib import apps as shared


class CdopConfig(shared.ModuleConfig):
    verbose_name = "Child death reviews (CDOP)"
    registers = ("action_sources", "home", "report_section")
    theme_sources = {
        "cdop": shared.Recurrence(
            "child death review", "child death reviews", "selectors.theme_occurrences", order=40
        )
    }
    record_imports = {"child_deaths": "imports.store"}
