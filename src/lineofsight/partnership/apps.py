from lineofsight.lib import apps as shared


class PartnershipConfig(shared.ModuleConfig):
    verbose_name = "Partnership, agencies, users and roles"
