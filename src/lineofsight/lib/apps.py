from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any, ClassVar

from django.apps import AppConfig


class LibConfig(AppConfig):
    default = True  # Django's choice among the two configs of this module (ModuleConfig is a base)
    name = "lineofsight.lib"
    label = "lib"
    verbose_name = "Shared helpers"


@dataclass(frozen=True)
class Recurrence:
    """A kind of the app's records where learning themes recur (``actions.theme_sources``):
    ``find`` names its finder within the app (``"selectors.theme_occurrences"``)."""

    singular: str
    plural: str
    find: str
    order: int = 50
    view_permission: str = ""


class ModuleConfig(AppConfig):
    """An app of Line of Sight. Its ``name`` is its package (``lineofsight.cdop`` for
    ``lineofsight/cdop/apps.py``) and its label the package's last part, so a config states
    only its ``verbose_name`` and what it registers. When Django is ready it calls
    ``register()`` of each of the app's modules named in ``registers``, in that order: its home
    page panel (``home``), where its actions come from (``action_sources``), its report section
    (``report_section``)...; then adds the kinds of its records where learning themes recur
    (``theme_sources``: kind to ``Recurrence``) and the stores of its uploaded records
    (``record_imports``: a format's name to its store within the app, ``"imports.store"``).
    (Import it as ``from lineofsight.lib import apps as shared``: an apps.py holding two
    configs by name would leave Django to pick neither.)"""

    registers: ClassVar[tuple[str, ...]] = ()
    theme_sources: ClassVar[Mapping[str, Recurrence]] = {}
    record_imports: ClassVar[Mapping[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" not in cls.__dict__:  # a config may still name its app itself
            cls.name = cls.__module__.rpartition(".")[0]

    def ready(self) -> None:
        for module in self.registers:
            import_module(f"{self.name}.{module}").register()
        if self.theme_sources:
            from lineofsight.actions.theme_sources import register_theme_source

            for kind, recurs in self.theme_sources.items():
                register_theme_source(
                    kind,
                    recurs.singular,
                    recurs.plural,
                    self.own(recurs.find),
                    order=recurs.order,
                    view_permission=recurs.view_permission,
                )
        if self.record_imports:
            from lineofsight.datasets.record_imports import register_record_import

            for format_name, store in self.record_imports.items():
                register_record_import(format_name, self.own(store))

    def own(self, path: str) -> Any:
        """The app's ``path`` (``"imports.store"``: ``store`` of its ``imports`` module)."""
        module, _, attribute = path.rpartition(".")
        return getattr(import_module(f"{self.name}.{module}"), attribute)
