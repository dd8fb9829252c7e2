import datetime as dt

import pytest
from django.db.models import Count, Q

from lineofsight.partnership import demo as partnership_demo
from lineofsight.partnership.models import User
from lineofsight.synth.write_partnership import SESSION_SIZES
from lineofsight.testing.fixtures import client_for
from lineofsight.workforce import demo, selectors
from lineofsight.workforce.models import Booking, Course, EvaluationResponse, Session, Stage

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def demo_partnership(settings, tmp_path, db):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()


def test_a_synthetic_training_history_with_current_sessions(demo_partnership):
    demo.load(seed=2021, today=TODAY, years=range(2021, 2022))
    imported = Booking.objects.exclude(external_ref="")
    assert 1000 <= imported.count() <= 1800  # about 1,400 places a year
    assert {b.session.starts_on.year for b in imported[:200]} <= {2020, 2021}
    assert Course.objects.count() == 7
    history = Session.objects.filter(starts_on__lt=TODAY - dt.timedelta(weeks=10)).annotate(
        booked=Count("bookings", filter=Q(bookings__status="booked")),
        waiting=Count("bookings", filter=Q(bookings__status="waiting")),
    )
    places = sum(s.booked for s in history)
    assert places == imported.count()
    # 2020-21 (80% virtual): 1,400 / 19.20125 = 72.9 sessions of 19.2 places on average
    assert history.count() in {72, 73}
    assert 17 <= places / history.count() <= 21.5
    for session in history:
        sizes = SESSION_SIZES[session.mode]
        assert session.capacity in sorted(c for c in sizes if c >= session.booked)[:2]
        assert not session.waiting or session.booked == session.capacity
    full = [s for s in history if s.booked == s.capacity]
    assert 0.1 * len(history) <= len(full) <= 0.35 * len(history)
    assert 1 <= sum(1 for s in history if s.waiting) < len(history) / 8  # a few waiting lists
    assert 0.75 <= places / sum(s.capacity for s in history) <= 0.9  # places filled
    assert history.filter(bookings__attended=False).exists()  # and some non-attendance
    assert Course.objects.get(code="ME01").themes.filter(slug="disguised-compliance").exists()
    logs = EvaluationResponse.objects.filter(stage=Stage.FOLLOW_UP)
    assert 150 <= logs.count() <= 170  # about 170 reflective logs a year
    assert logs.exclude(impact_rating="").count() == logs.count()
    coming = Session.objects.get(starts_on=TODAY + dt.timedelta(days=30))
    assert coming.bookings.filter(status="booked").count() == coming.capacity
    assert coming.bookings.filter(status="waiting").exists()
    manager = User.objects.get(username="training")
    stats = selectors.statistics_for(manager, dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    assert stats["effect"].n > 50 and stats["effect"].effect_size > 0
    assert stats["total"].non_attendance_rate is not None
    page = client_for(manager).get("/").content.decode()
    assert "due a follow-up evaluation" in page and "Next sessions" in page
    demo.load(seed=2021, today=TODAY)  # idempotent
    assert Course.objects.count() == 7
