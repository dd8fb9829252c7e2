from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "lineofsight.partnership"
    label = "partnership"
    verbose_name = "Partnership, agencies, users and roles"
