from django.apps import AppConfig


class GovukConfig(AppConfig):
    name = "lineofsight.govuk"
    label = "govuk"
    verbose_name = "GOV.UK Design System integration"
