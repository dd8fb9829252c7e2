from lineofsight.lib import apps as shared


class GovukConfig(shared.ModuleConfig):
    verbose_name = "GOV.UK Design System integration"
