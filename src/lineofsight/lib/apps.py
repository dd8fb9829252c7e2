from importlib import import_module

from django.apps import AppConfig


class LibConfig(AppConfig):
    default = True  # Django's choice among the two configs of this module (ModuleConfig is a base)
    name = "lineofsight.lib"
    label = "lib"
    verbose_name = "Shared helpers"


class ModuleConfig(AppConfig):
    """A partnership module's app. When Django is ready it calls ``register()`` of each of the
    app's modules named in ``registers``, in that order: its home page panel (``home``), where its
    actions come from (``action_sources``), its report section (``report_section``)... An app
    with registrations that take arguments (theme sources, record imports) adds them in its own
    ``ready`` after ``super().ready()``. (Import it as ``from lineofsight.lib import apps as
    shared``: an apps.py holding two configs by name would leave Django to pick neither.)"""

    registers: tuple[str, ...] = ()

    def ready(self) -> None:
        for module in self.registers:
            import_module(f"{self.name}.{module}").register()
