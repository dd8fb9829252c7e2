from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "lineofsight.delivery"
    label = "delivery"
    verbose_name = "Delivery plan"

    def ready(self) -> None:
        from lineofsight.delivery import action_sources, home

        home.register()

        action_sources.register()
