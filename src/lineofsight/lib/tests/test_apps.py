"""``ModuleConfig``: an app's name from its package, and its registrations from declarations."""

from django.apps import apps

from lineofsight.actions.theme_sources import theme_sources
from lineofsight.datasets.record_imports import record_import
from lineofsight.lib import apps as shared


def test_a_config_takes_its_name_and_label_from_its_package():
    class ExampleConfig(shared.ModuleConfig):
        verbose_name = "Example"

    class NamedConfig(shared.ModuleConfig):
        name = "lineofsight.named"

    assert ExampleConfig.name == "lineofsight.lib.tests"
    assert NamedConfig.name == "lineofsight.named"
    cdop = apps.get_app_config("cdop")
    assert (type(cdop).__name__, cdop.name, cdop.label) == (
        "CdopConfig",
        "lineofsight.cdop",
        "cdop",
    )


def test_declared_theme_sources_and_record_imports_are_registered():
    from lineofsight.lado import imports
    from lineofsight.voice import selectors

    found = {s.kind: s for s in theme_sources()}
    scrutiny = found["scrutiny"]
    assert scrutiny.find is selectors.recommendation_occurrences
    assert (scrutiny.singular, scrutiny.order, scrutiny.view_permission) == (
        "scrutiny recommendation",
        46,
        "scrutiny.view",
    )
    assert record_import("lado_referrals") is imports.store


def test_own_finds_a_name_within_the_app():
    from lineofsight.workforce import imports

    assert apps.get_app_config("workforce").own("imports.store") is imports.store
