from lineofsight.lib import apps as shared


class WorkforceConfig(shared.ModuleConfig):
    verbose_name = "Workforce development (training)"
    registers = ("home", "report_section")
    theme_sources = {
        "training": shared.Recurrence(
            "training session", "training sessions", "selectors.theme_occurrences", order=60
        )
    }
    record_imports = {"training_records": "imports.store"}
