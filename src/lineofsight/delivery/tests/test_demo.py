import pytest

from lineofsight.delivery import demo
from lineofsight.delivery.models import PlanItem, ProgressUpdate
from lineofsight.partnership import demo as partnership_demo


def _state():
    return list(
        PlanItem.objects.order_by(
            "priority__plan__starts", "priority__number", "reference"
        ).values_list("text", "rag")
    )


@pytest.mark.django_db
def test_delivery_demo_is_deterministic_and_idempotent(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()
    demo.load(seed=3)
    first, updates = _state(), ProgressUpdate.objects.count()
    assert len(first) >= 15 and updates > len(first)
    assert all(rag for _, rag in first)
    demo.load(seed=3)
    assert (_state(), ProgressUpdate.objects.count()) == (first, updates)
    from lineofsight.delivery.models import Plan

    Plan.objects.all().delete()
    demo.load(seed=3)
    assert _state() == first
