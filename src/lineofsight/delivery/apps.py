from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "lineofsight.delivery"
    label = "delivery"
    verbose_name = "Delivery plan"

    def ready(self) -> None:
        from lineofsight.delivery import action_sources

        action_sources.register()
