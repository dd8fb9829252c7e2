from lineofsight.lib import apps as shared


class DeliveryConfig(shared.ModuleConfig):
    name = "lineofsight.delivery"
    label = "delivery"
    verbose_name = "Delivery plan"
    registers = ("home", "action_sources")
