from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "lineofsight.datasets"
    label = "datasets"
    verbose_name = "Data in: returns and snapshots"
