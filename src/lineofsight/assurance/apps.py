from lineofsight.lib import apps as shared


class AssuranceConfig(shared.ModuleConfig):
    verbose_name = "Assurance: audits, Section 11 and challenge"
    registers = ("home", "themes", "action_sources")
