from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lineofsight.audit"
    label = "audit"
    verbose_name = "Audit log"
