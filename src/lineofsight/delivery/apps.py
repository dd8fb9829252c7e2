from lineofsight.lib import apps as shared


class DeliveryConfig(shared.ModuleConfig):
    verbose_name = "Delivery plan"
    registers = ("home", "action_sources")
