from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "lineofsight.datasets"
    label = "datasets"
    verbose_name = "Data in: returns and snapshots"

    def ready(self) -> None:
        from lineofsight.datasets import home, keys  # noqa: F401 - keys registers the deploy check

        home.register()
