from django.urls import include, path

from lineofsight.lib.routes import pages


def _view(request):  # pragma: no cover - never called
    raise AssertionError


def test_pages_lists_the_patterns_of_includes_too():
    inner = [path("", _view, name="one"), path("<int:pk>/", _view, name="two")]
    patterns = [path("", _view, name="home"), path("things/", include(inner))]
    assert [p.name for p in pages(patterns)] == ["home", "one", "two"]


def test_assurance_groups_its_pages_and_keeps_every_name():
    from lineofsight.assurance import urls

    names = [p.name for p in pages(urls.urlpatterns)]
    assert len(names) == 22 and len(set(names)) == 22
    assert {"audits", "section11", "challenge_action"} <= set(names)
