from lineofsight.lib import apps as shared


class DatasetsConfig(shared.ModuleConfig):
    verbose_name = "Data in: returns and snapshots"
    registers = ("home",)

    def ready(self) -> None:
        super().ready()
        from lineofsight.datasets import keys  # noqa: F401 - keys registers the deploy check
