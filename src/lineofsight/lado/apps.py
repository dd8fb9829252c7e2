from lineofsight.lib import apps as shared


class LadoConfig(shared.ModuleConfig):
    verbose_name = "Allegations against people who work with children (LADO)"
    registers = ("action_sources", "home", "report_section")
    record_imports = {"lado_referrals": "imports.store"}
