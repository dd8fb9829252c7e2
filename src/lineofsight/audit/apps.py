from lineofsight.lib import apps as shared


class AuditConfig(shared.ModuleConfig):
    verbose_name = "Audit log"
