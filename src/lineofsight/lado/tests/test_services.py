import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.audit.disclosure import NOT_RECORDED, WITHHELD, policy_for, withhold
from lineofsight.audit.models import AuditLog
from lineofsight.audit.presentation import VERB_LABELS
from lineofsight.lado import services, verbs
from lineofsight.lado.models import Referral
from lineofsight.lado.tests.conftest import ADULT_NAME, outcome, sector
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role

pytestmark = pytest.mark.django_db


def test_every_verb_has_words_on_the_audit_log_page():
    names = [v for k, v in vars(verbs).items() if k.isupper()]
    assert names and all(name in VERB_LABELS for name in names)


def test_a_referral_is_recorded_and_audited_without_the_adults_name(referral, lado):
    row = AuditLog.objects.get(verb=verbs.REFERRAL_CREATE)
    assert row.after["adult_name"] == NOT_RECORDED
    assert row.after["adult_reference"] == "A-2021-001"
    assert ADULT_NAME not in str(row.after) + str(row.detail) + row.object_repr
    assert row.object_repr == f"LADO referral {referral.pk}"
    assert referral.reference == "LADO-2021-001"
    assert Referral.objects.get().adult_name == ADULT_NAME


def test_changing_the_name_never_puts_either_name_in_the_log(referral, lado):
    services.update_referral(
        actor=lado, referral=referral, expected_version=referral.version, adult_name="Ann Other"
    )
    text = str(list(AuditLog.objects.values_list("before", "after", "detail", "object_repr")))
    assert ADULT_NAME not in text and "Ann Other" not in text


def test_the_audit_log_withholds_what_a_referral_says_from_the_administrator(referral, make_user):
    row = AuditLog.objects.get(verb=verbs.REFERRAL_CREATE)
    policy = policy_for("lado.Referral")
    admin = make_user(Role.PARTNERSHIP_ADMIN)
    assert withhold(policy, admin, row.after)["adult_role"] == WITHHELD
    lado = make_user(Role.LADO)
    assert withhold(policy, lado, row.after)["adult_role"] == "Teaching assistant"


def test_decision_meeting_progress_and_outcome(referral, lado):
    referral = services.record_decision(
        actor=lado,
        referral=referral,
        expected_version=referral.version,
        threshold_met=True,
        decided_on=dt.date(2021, 5, 5),
        criteria=["harmed_child", "not_suitable"],
    )
    assert referral.criteria == ["harmed_child", "not_suitable"]
    meeting = services.add_meeting(
        actor=lado, referral=referral, held_on=dt.date(2021, 5, 7), agencies=["lado", "police"]
    )
    assert meeting.agency_names == ["LADO", "Police"]
    referral = services.record_progress(
        actor=lado,
        referral=referral,
        expected_version=referral.version,
        police_investigation=True,
        suspended=True,
    )
    referral = services.record_outcome(
        actor=lado,
        referral=referral,
        expected_version=referral.version,
        outcome=outcome("substantiated"),
        concluded_on=dt.date(2021, 7, 1),
        onward=["referred_dbs", "referred_tra"],
    )
    assert referral.onward == ["Disclosure and Barring Service", "Teaching Regulation Agency"]
    assert set(AuditLog.objects.values_list("verb", flat=True)) >= {
        verbs.REFERRAL_DECIDE,
        verbs.MEETING_ADD,
        verbs.REFERRAL_PROGRESS,
        verbs.REFERRAL_CONCLUDE,
    }


def test_a_met_threshold_needs_its_criteria_and_a_conclusion_its_outcome(referral, lado):
    with pytest.raises(ValidationError) as error:
        services.record_decision(
            actor=lado,
            referral=referral,
            expected_version=referral.version,
            threshold_met=True,
            decided_on=dt.date(2021, 5, 5),
        )
    assert "harmed_child" in error.value.message_dict
    referral.refresh_from_db()
    referral = services.record_decision(
        actor=lado,
        referral=referral,
        expected_version=referral.version,
        threshold_met=True,
        decided_on=dt.date(2021, 5, 5),
        criteria=["risk_of_harm"],
    )
    with pytest.raises(ValidationError) as error:
        services.record_outcome(
            actor=lado,
            referral=referral,
            expected_version=referral.version,
            outcome=None,
            concluded_on=dt.date(2021, 6, 1),
        )
    assert "outcome" in error.value.message_dict


def test_no_meeting_before_a_decision_that_the_threshold_is_met(referral, lado):
    with pytest.raises(ValidationError):
        services.add_meeting(
            actor=lado, referral=referral, held_on=dt.date(2021, 5, 6), agencies=["lado"]
        )


def test_a_decision_before_receipt_is_refused(referral, lado):
    with pytest.raises(ValidationError) as error:
        services.record_decision(
            actor=lado,
            referral=referral,
            expected_version=referral.version,
            threshold_met=False,
            decided_on=dt.date(2021, 5, 1),
        )
    assert "decided_on" in error.value.message_dict


def test_a_stale_version_is_an_edit_conflict(referral, lado, deputy):
    version = referral.version
    services.record_progress(
        actor=deputy, referral=referral, expected_version=version, police_investigation=True
    )
    with pytest.raises(EditConflict):
        services.record_progress(
            actor=lado, referral=referral, expected_version=version, suspended=True
        )


def test_a_consultation_becomes_a_referral(consultation, lado):
    referral = services.convert_consultation(
        actor=lado,
        consultation=consultation,
        received_on=dt.date(2021, 5, 4),
        referrer="Headteacher",
        referring_agency="employer",
        adult_reference="A-1",
        adult_role="Teacher",
    )
    consultation.refresh_from_db()
    assert consultation.referral == referral
    assert (referral.employer, referral.sector, referral.category) == (
        "Demo Primary School",
        sector(),
        "physical",
    )
    assert AuditLog.objects.filter(verb=verbs.CONSULTATION_CONVERT).exists()
    with pytest.raises(ValidationError):
        services.convert_consultation(
            actor=lado,
            consultation=consultation,
            referrer="x",
            referring_agency="employer",
            adult_reference="A-2",
            adult_role="x",
        )


def test_outsiders_administrator_and_board_cannot_write(partnership, make_user, lists):
    for role in (Role.PARTNERSHIP_ADMIN, Role.BOARD_MEMBER, Role.PERFORMANCE_ANALYST):
        with pytest.raises(PermissionDenied):
            services.create_consultation(
                actor=make_user(role),
                partnership=partnership,
                consulted_on=dt.date(2021, 5, 3),
                sector=sector(),
                category="physical",
                advice="x",
            )


def test_a_lado_of_another_partnership_cannot_touch_a_referral(referral, lado):
    from lineofsight.partnership import services as partnership_services
    from lineofsight.partnership.models import Agency

    other = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="372")
    agency = partnership_services.create_agency(
        actor=SYSTEM,
        partnership=other,
        name="Other council",
        code="council",
        kind=Agency.Kind.COUNCIL,
    )
    stranger = partnership_services.create_user(
        actor=SYSTEM, username="stranger", password="x" * 20, agency=agency, roles=[Role.LADO]
    )
    with pytest.raises(PermissionDenied):
        services.record_progress(
            actor=stranger, referral=referral, expected_version=referral.version, suspended=True
        )


def test_only_the_lado_configures_the_lists_and_standards(lado, deputy, partnership):
    item = services.save_list_item(
        actor=lado, model=type(outcome("false")), code="no_case", name="No case to answer"
    )
    assert item.position > 5
    services.save_list_item(
        actor=lado, model=type(sector()), code="sport", name="Sport", active=False
    )
    assert not sector("sport").active
    with pytest.raises(PermissionDenied):
        services.save_list_item(actor=deputy, model=type(sector()), code="x", name="X")
    with pytest.raises(PermissionDenied):
        services.update_standards(
            actor=deputy, partnership=partnership, expected_version=None, decision_days=2
        )
    saved = services.update_standards(
        actor=lado, partnership=partnership, expected_version=None, decision_days=2
    )
    assert saved.decision_days == 2 and saved.target_months == 3
