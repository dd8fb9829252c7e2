from lineofsight.lib import apps as shared


class BackgroundConfig(shared.ModuleConfig):
    verbose_name = "Background work (tasks and workers)"
