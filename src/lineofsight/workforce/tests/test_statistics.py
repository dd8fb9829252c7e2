"""The statistics, each hand-checked on a small fixture (pure: no database)."""

import datetime as dt
import math
from decimal import Decimal

import pytest

from lineofsight.workforce import statistics as st
from lineofsight.workforce.statistics import Answer, Place


def test_paired_effect_size_and_its_interval_by_hand():
    # changes 1, 2, 0, 1, 1: mean 1; sample variance (0+1+1+0+0)/4 = 0.5, sd 0.70711;
    # d = 1/0.70711 = 1.41421; SE = sqrt(1/5 + 2/(2*5)) = sqrt(0.4) = 0.63246;
    # 95% CI = 1.41421 -/+ 1.96 * 0.63246 = 0.17459 to 2.65384
    effect = st.paired_effect([(2, 3), (1, 3), (3, 3), (2, 3), (2, 3)])
    assert effect is not None
    assert effect.n == 5
    assert effect.mean_before == pytest.approx(2.0)
    assert effect.mean_after == pytest.approx(3.0)
    assert effect.mean_change == pytest.approx(1.0)
    assert effect.sd_change == pytest.approx(math.sqrt(0.5))
    assert effect.effect_size == pytest.approx(1.41421, abs=1e-5)
    assert effect.ci_low == pytest.approx(0.17459, abs=1e-4)
    assert effect.ci_high == pytest.approx(2.65384, abs=1e-4)


def test_no_effect_size_without_two_pairs_or_without_spread():
    assert st.paired_effect([(2, 4)]) is None
    same = st.paired_effect([(2, 3), (3, 4)])
    assert same is not None and same.mean_change == 1 and same.effect_size is None


def test_a_fall_in_confidence_is_a_negative_effect():
    effect = st.paired_effect([(4, 3), (5, 3)])  # changes -1, -2: mean -1.5, sd 0.70711
    assert effect is not None
    assert effect.effect_size == pytest.approx(-2.12132, abs=1e-5)


PLACES = [
    Place("Neglect", "face_to_face", "Police", 1, "booked", True),
    Place("Neglect", "face_to_face", "Police", 1, "booked", False),
    Place("Neglect", "face_to_face", "Health", 1, "booked", True),
    Place("Neglect", "face_to_face", "Health", 1, "waiting"),
    Place("Neglect", "virtual", "Health", 2, "booked", None),
    Place("Neglect", "virtual", "Health", 2, "cancelled", late_cancellation=True),
    Place("Domestic abuse", "virtual", "Police", 3, "booked", False),
    Place("Domestic abuse", "virtual", "Police", 3, "cancelled", late_cancellation=False),
]


def test_places_and_attendance_by_agency_by_hand():
    rows = {r.agency: r for r in st.by_agency(PLACES)}
    police, health = rows["Police"], rows["Health"]
    # Police: 3 places (2 neglect, 1 DA), 1 attended, 2 did not, 1 cancelled
    assert (police.places, police.attended, police.did_not_attend, police.cancelled) == (3, 1, 2, 1)
    assert police.non_attendance_rate == pytest.approx(66.7)
    # Health: 2 places (the waiting and cancelled ones are not), 1 attended, 1 not recorded
    assert (health.places, health.attended, health.did_not_attend, health.not_recorded) == (
        2,
        1,
        0,
        1,
    )
    assert health.non_attendance_rate == 0.0
    total = st.totals(list(rows.values()))
    assert (total.places, total.attended, total.did_not_attend) == (5, 2, 2)
    assert total.non_attendance_rate == 50.0


def test_sessions_and_places_per_course_and_mode():
    rows = st.sessions_and_places(
        [
            ("Neglect", "face_to_face", 1),
            ("Neglect", "virtual", 2),
            ("Domestic abuse", "virtual", 3),
        ],
        PLACES,
    )
    neglect = next(r for r in rows if r.course == "Neglect")
    assert neglect.sessions == {"face_to_face": 1, "virtual": 1}
    assert neglect.places == {"face_to_face": 3, "virtual": 1}
    assert next(r for r in rows if r.course == "Domestic abuse").places == {"virtual": 1}


ANSWERS = [
    Answer(
        "end",
        "a",
        reaction=5,
        confidence_before=2,
        confidence_after=4,
        knowledge_correct=2,
        knowledge_asked=2,
    ),
    Answer(
        "end",
        "b",
        reaction=3,
        confidence_before=3,
        confidence_after=3,
        knowledge_correct=1,
        knowledge_asked=2,
    ),
    Answer("end", "c", reaction=4),
    Answer("follow_up", "a", support=4, use=5, practice_example=True, impact_rating="strong"),
    Answer("follow_up", "b", support=2, use=3, impact_rating=""),
    Answer("manager", "a", support=5, use=4, practice_example=True),
]


def test_guskey_levels_by_hand():
    levels = {lv.level: lv for lv in st.guskey_levels(ANSWERS)}
    assert (levels[1].answered, levels[1].positive, levels[1].percent) == (3, 2, 66.7)
    assert (levels[2].answered, levels[2].positive, levels[2].percent) == (2, 1, 50.0)
    assert (levels[3].answered, levels[3].positive) == (3, 2)  # follow-ups and the manager
    assert (levels[4].answered, levels[4].positive) == (3, 2)
    assert (levels[5].answered, levels[5].positive) == (3, 2)


def test_knowledge_score_and_impact_ratings():
    assert st.knowledge_score(ANSWERS) == (3, 4, 75.0)
    assert st.impact_ratings(ANSWERS) == {"strong": 1, "some": 0, "none": 0, "": 1}
    assert st.confidence_pairs(ANSWERS) == [(2, 4), (3, 3)]


def test_a_cancellation_is_late_inside_the_window():
    session = dt.date(2021, 6, 10)
    assert st.is_late_cancellation(dt.date(2021, 6, 6), session, 5)  # 4 days before
    assert not st.is_late_cancellation(dt.date(2021, 6, 5), session, 5)  # 5 days before
    assert st.is_late_cancellation(dt.date(2021, 6, 11), session, 5)  # after it


def test_charges_only_for_paying_agencies_by_hand():
    rows = st.charges(
        PLACES,
        paying={"Police", "Health"},
        non_attendance=Decimal("50.00"),
        late_cancellation=Decimal("25.00"),
    )
    by_agency = {r.agency: r for r in rows}
    # Police: 2 non-attendances x 50; its cancellation was in time
    assert by_agency["Police"] == st.Charge("Police", 2, 0, Decimal("100.00"))
    # Health: 1 late cancellation x 25
    assert by_agency["Health"] == st.Charge("Health", 0, 1, Decimal("25.00"))
    assert [
        r.agency
        for r in st.charges(
            PLACES, paying={"Health"}, non_attendance=Decimal(1), late_cancellation=Decimal(1)
        )
    ] == ["Health"]


def test_gap_analysis_counts_distinct_learners_and_never_below_zero():
    gaps = st.gaps(
        [("Police", "Neglect", 4), ("Health", "Neglect", 1)],
        {("Police", "Neglect"): {"ann", "bob", "cat"}, ("Health", "Neglect"): {"dan", "eve"}},
    )
    police = next(g for g in gaps if g.agency == "Police")
    health = next(g for g in gaps if g.agency == "Health")
    assert (police.trained, police.still_to_train, police.percent_trained) == (3, 1, 75.0)
    assert (health.trained, health.still_to_train, health.percent_trained) == (2, 0, 100.0)


def test_share_rounds_half_up_and_has_none_for_nothing():
    assert st.share(1, 8) == 12.5
    assert st.share(1, 3) == 33.3
    assert st.share(2, 3) == 66.7
    assert st.share(0, 0) is None
