"""The performance pages' figures are computed once per results version and recomputed as soon
as anything they show changes (a recompute, a target, the published benchmarks)."""

import datetime as dt

import pytest

from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role
from lineofsight.performance import cache, views
from lineofsight.performance.benchmark_services import import_files
from lineofsight.performance.compute import recompute
from lineofsight.performance.target_services import set_target
from lineofsight.testing.fixtures import BENCHMARK_FILES, client_for


@pytest.mark.django_db
def test_figures_are_cached_until_the_results_change(make_user, computed, partnership, monkeypatch):
    built = []
    real = views.build_overview
    monkeypatch.setattr(views, "build_overview", lambda *a: built.append(a) or real(*a))
    summarised = []
    real_summarise = views.summarise
    monkeypatch.setattr(views, "summarise", lambda *a: summarised.append(a) or real_summarise(*a))
    board = client_for(make_user(Role.BOARD_MEMBER))

    def pages():
        return (
            board.get("/performance/?period=2020-21").content.decode(),
            board.get("/performance/rereferral_pct/?period=2020-21").content.decode(),
        )

    first = pages()
    assert "Re-referrals within 12 months" in first[0] and "Figures computed" in first[1]
    again = pages()
    assert len(built) == 1 and len(summarised) == 1  # the second time, from the cache
    assert "Re-referrals within 12 months" in again[0]
    version = cache.results_version(partnership)

    set_target(
        actor=SYSTEM,
        partnership=partnership,
        indicator_id="rereferral_pct",
        financial_year="2020-21",
        value=1.0,
    )
    overview, indicator = pages()
    assert len(built) == 2 and len(summarised) == 2
    assert "missed the 2020-21 target of 1.0%" in indicator
    assert "missed the 2020-21 target" in overview
    assert cache.results_version(partnership) != version
    version = cache.results_version(partnership)
    from lineofsight.performance.target_services import set_change_point

    set_change_point(
        actor=SYSTEM,
        partnership=partnership,
        indicator_id="rereferral_pct",
        month=dt.date(2020, 4, 1),
        reason="New front door",
    )
    assert cache.results_version(partnership) != version  # the limits change: not cached

    recompute(actor=SYSTEM, partnership=partnership)
    pages()
    assert len(built) == 3 and len(summarised) == 3
    import_files(actor=SYSTEM, paths=BENCHMARK_FILES)  # re-imported benchmarks: new rows
    pages()
    assert len(built) == 4


def test_the_cache_keeps_at_most_max_entries(monkeypatch):
    class Fake:
        pk = 1

    monkeypatch.setattr(cache, "results_version", lambda partnership: "v")
    page_cache = cache.PageCache(Fake())
    for number in range(cache.MAX_ENTRIES + 10):
        assert page_cache.get("n", lambda number=number: number, str(number)) == number
    assert len(cache._entries) == cache.MAX_ENTRIES
    assert page_cache.get("n", lambda: "recomputed", "0") == "recomputed"  # the oldest went
