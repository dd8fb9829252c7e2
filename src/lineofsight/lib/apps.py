from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "lineofsight.lib"
    label = "lib"
    verbose_name = "Shared helpers"
