import datetime as dt

import pytest
from django.utils import timezone

from lineofsight.delivery.models import Plan
from lineofsight.lib.demo import demo_loader
from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.models import Partnership, Population


@pytest.mark.django_db
def test_demo_loader_runs_into_the_demo_partnership_until_the_module_has_rows(capsys):
    calls = []

    def body(seed, partnership, today, extra=0):
        """what the demo command prints"""
        calls.append((seed, partnership, today, extra))

    load = demo_loader(Plan, "plans")(body)
    loaded = demo_loader(Population, "populations")(body)
    assert load.__doc__ == "what the demo command prints"
    with pytest.raises(RuntimeError, match="demo partnership first"):
        load(seed=1)
    partnership_demo.load()
    partnership = Partnership.objects.get()
    load(seed=1, today=dt.date(2021, 3, 31), extra=2)
    load(seed=2)
    loaded(seed=3)
    assert calls == [
        (1, partnership, dt.date(2021, 3, 31), 2),
        (2, partnership, timezone.localdate(), 0),
    ]
    assert "populations already loaded" in capsys.readouterr().out
