from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "lineofsight.delivery"
    label = "delivery"
    verbose_name = "Delivery plan"
