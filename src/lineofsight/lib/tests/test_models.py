"""The field, Meta and policy helpers of ``lib.models``: each gives what a model would declare."""

from __future__ import annotations

import pytest
from django.db import models
from django.urls import reverse

from lineofsight.audit import disclosure
from lineofsight.cdop.models import AgencyReport, LearningPoint
from lineofsight.governance.models import Attendance, Decision, Membership
from lineofsight.lib.models import (
    agency_key,
    confidential_to,
    one_per_agency,
    readable_by,
    unique,
)
from lineofsight.partnership.roles import Role
from lineofsight.reviews.models import Recommendation
from lineofsight.workforce.models import EvaluationLink


def test_agency_key_is_the_protected_foreign_key_a_model_would_declare() -> None:
    from lineofsight.partnership.models import Agency

    declared = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    assert agency_key().deconstruct()[1:] == declared.deconstruct()[1:]
    optional = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        help_text="For the whole partnership, leave empty",
    )
    made = agency_key(
        optional=True,
        related_name="recommendations",
        help_text="For the whole partnership, leave empty",
    )
    assert made.deconstruct()[1:] == optional.deconstruct()[1:]


def test_one_per_agency_orders_by_agency_and_allows_each_agency_once() -> None:
    meta = one_per_agency("meeting", name="x_once")
    assert meta.ordering == ["agency__name"]
    assert meta.constraints == [unique("meeting", "agency", name="x_once")]
    assert Attendance._meta.ordering == ["agency__name"]
    assert AgencyReport._meta.constraints == [
        unique("death", "agency", name="cdop_agency_report_once")
    ]
    # a row per agency *and role* declares its own Meta
    assert Membership._meta.ordering == ["agency__name", "role"]


def test_a_record_on_its_parents_page_links_to_its_anchor() -> None:
    decision = Decision(meeting_id=7, number=3, text="Adopt the neglect strategy")
    assert decision.get_absolute_url() == reverse("governance:meeting", args=[7]) + "#decision-3"
    recommendation = Recommendation(review_id=4, number=2)
    assert recommendation.get_absolute_url().endswith("/4/#recommendation-2")
    point = LearningPoint(death_id=5, number=1)
    assert point.get_absolute_url().endswith("/5/#learning-1")


def test_a_record_without_a_number_is_anchored_by_its_pk() -> None:
    from lineofsight.assurance.models import Finding

    finding = Finding(pk=12, audit_id=3)
    assert finding.get_absolute_url().endswith("/3/#finding-12")


@pytest.mark.django_db
def test_confidential_to_shows_the_fields_only_to_holders_of_the_permission(make_user) -> None:
    policy = confidential_to("cdop.view", "notes", label="CDOP note", never=("secret",))
    assert policy.confidential == frozenset({"notes"})
    assert policy.never_logged == frozenset({"secret"})
    assert policy.describe is not None
    assert policy.describe(AgencyReport(pk=9)) == "CDOP note 9"
    panel = make_user(Role.CDOP_PANEL_MEMBER)
    outsider = make_user(Role.TRAINING_MANAGER)
    assert policy.may_read(panel, {}) is True
    assert policy.may_read(outsider, {}) is False
    assert readable_by("workforce.manage")(outsider, {}) is True


def test_without_a_label_the_log_names_the_record_as_usual() -> None:
    policy = EvaluationLink.audit_policy
    assert policy.describe is None
    assert policy.never_logged == frozenset({"nonce"})
    assert disclosure.policy_for("workforce.EvaluationLink") is policy
