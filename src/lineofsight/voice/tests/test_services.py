"""Services: audited in the same transaction, refused to the wrong role or partnership and to a
missing actor, and the rules of each record."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.actions.services import raise_action
from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.actors import SYSTEM
from lineofsight.voice import policies, services, verbs
from lineofsight.voice.models import Feedback, ForumNote, Recommendation, ScrutinyActivity
from lineofsight.voice.tests.conftest import ACTIVITY

pytestmark = pytest.mark.django_db


def test_a_scrutiny_activity_is_recorded_with_its_author_and_audited(activity, scrutineer):
    assert activity.author == scrutineer
    row = AuditLog.objects.get(verb=verbs.ACTIVITY_CREATE)
    assert row.object_id == str(activity.pk) and row.after["findings"] == ACTIVITY["findings"]


@pytest.mark.parametrize("who", ["board", "manager", "lead"])
def test_only_the_scrutineer_records_scrutiny(request, partnership, who):
    with pytest.raises(PermissionDenied):
        services.create_activity(
            actor=request.getfixturevalue(who), partnership=partnership, **ACTIVITY
        )
    assert not ScrutinyActivity.objects.exists()


def test_a_scrutineer_of_another_partnership_is_refused(activity, elsewhere):
    with pytest.raises(PermissionDenied):
        services.add_recommendation(actor=elsewhere["scrutineer"], activity=activity, text="Do X")
    assert not policies.can_view_scrutiny(elsewhere["scrutineer"], activity)


def test_a_future_date_is_refused(partnership, scrutineer):
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            actor=scrutineer,
            partnership=partnership,
            **{**ACTIVITY, "held_on": dt.date.today() + dt.timedelta(days=1)},
        )
    assert "held_on" in refused.value.message_dict


def test_recommendations_are_numbered_and_raise_actions_linked_back(
    recommendation, activity, scrutineer, agency
):
    second = services.add_recommendation(actor=scrutineer, activity=activity, text="Audit more")
    assert (recommendation.number, second.number) == (1, 2)
    assert list(recommendation.themes.values_list("slug", flat=True)) == ["information-sharing"]
    action = raise_action(
        actor=scrutineer, record=recommendation, owner_agency=agency, due_date=dt.date(2022, 3, 31)
    )
    assert action.source == "scrutiny"
    assert action.title.startswith("Give the board systematic")  # the suggested title
    assert action.source_label == f"Scrutiny recommendation {activity.pk}.1"
    assert list(action.themes.values_list("slug", flat=True)) == ["information-sharing"]
    assert AuditLog.objects.filter(verb=verbs.RECOMMENDATION_ADD).count() == 2


def test_the_business_unit_cannot_raise_a_scrutiny_action(recommendation, manager, agency):
    with pytest.raises(PermissionDenied):
        raise_action(
            actor=manager, record=recommendation, owner_agency=agency, due_date=dt.date(2022, 1, 1)
        )


def test_an_activity_edit_is_versioned(activity, scrutineer):
    services.update_activity(
        actor=scrutineer, activity=activity, expected_version=activity.version, title="Renamed"
    )
    stale = ScrutinyActivity.objects.get(pk=activity.pk)
    stale.version -= 1
    with pytest.raises(EditConflict):
        services.update_activity(
            actor=scrutineer, activity=stale, expected_version=stale.version, title="Again"
        )
    assert ScrutinyActivity.objects.get(pk=activity.pk).title == "Renamed"


def test_feedback_then_what_changed_is_audited(feedback, manager):
    assert feedback.changed == "" and feedback.author == manager
    updated = services.record_what_changed(
        actor=manager,
        feedback=feedback,
        expected_version=feedback.version,
        changed="Every child on a plan is now offered an advocate before conference",
        changed_on=dt.date(2021, 4, 1),
        publish=True,
    )
    assert updated.changed_on == dt.date(2021, 4, 1) and updated.publish
    row = AuditLog.objects.get(verb=verbs.FEEDBACK_CHANGED)
    assert row.before["changed"] == "" and row.after["publish"] is True
    assert row.after["themes"] == ["voice-of-the-child"]


@pytest.mark.parametrize(
    ("changed", "changed_on", "field"),
    [
        ("Something changed", None, "changed_on"),
        ("", dt.date(2021, 4, 1), "changed"),
        ("Before the feedback", dt.date(2021, 1, 1), "changed_on"),
    ],
)
def test_what_changed_needs_its_words_and_a_date_after_the_feedback(
    partnership, manager, changed, changed_on, field
):
    with pytest.raises(ValidationError) as refused:
        services.record_feedback(
            actor=manager,
            partnership=partnership,
            source="complaint",
            given_by="parents",
            received_on=dt.date(2021, 2, 3),
            said="Nobody told us the date of the conference",
            changed=changed,
            changed_on=changed_on,
        )
    assert field in refused.value.message_dict
    assert not Feedback.objects.exists()


def test_the_scrutineer_reads_feedback_but_does_not_record_it(partnership, scrutineer, feedback):
    assert policies.can_view_voice(scrutineer, feedback)
    with pytest.raises(PermissionDenied):
        services.record_feedback(
            actor=scrutineer,
            partnership=partnership,
            source="survey",
            given_by="children",
            received_on=dt.date(2021, 2, 3),
            said="x",
        )


def test_an_agency_of_another_partnership_is_refused(partnership, manager, elsewhere):
    other = elsewhere["manager"].agency
    with pytest.raises(ValidationError):
        services.record_feedback(
            actor=manager,
            partnership=partnership,
            source="survey",
            given_by="children",
            received_on=dt.date(2021, 2, 3),
            said="x",
            agency=other,
        )


def test_a_survey_numbers_its_statements(survey):
    assert [(q.number, q.text[:12]) for q in survey.questions.all()] == [
        (1, "I know how t"),
        (2, "The threshol"),
    ]
    assert AuditLog.objects.get(verb=verbs.SURVEY_CREATE).after["questions"][0].startswith("I know")


def test_a_survey_reference_is_used_once(partnership, manager, survey):
    with pytest.raises(ValidationError) as refused:
        services.create_survey(
            actor=manager,
            partnership=partnership,
            reference="workforce-2021",
            title="Again",
            opened_on=dt.date(2021, 3, 1),
            questions=["A statement"],
        )
    assert "reference" in refused.value.message_dict


def test_imported_responses_are_one_audit_row(survey, agency, other_agency):
    stored = services.import_responses(
        actor=SYSTEM,
        survey=survey,
        responses=[
            services.Answers("R1", agency, {1: "agree", 2: "disagree"}),
            services.Answers("R2", other_agency, {1: "strongly_agree"}),
        ],
    )
    assert stored == 2 and survey.responses.count() == 2
    assert AuditLog.objects.get(verb=verbs.SURVEY_IMPORT).after == {"responses": 2}
    with pytest.raises(ValidationError):  # already stored: nothing of the batch is kept
        services.import_responses(
            actor=SYSTEM,
            survey=survey,
            responses=[
                services.Answers("R3", agency, {1: "agree"}),
                services.Answers("R1", agency, {1: "agree"}),
            ],
        )
    assert survey.responses.count() == 2


def test_a_forum_note_keeps_its_agencies_and_themes(partnership, manager, agency, themes):
    note = services.record_forum(
        actor=manager,
        partnership=partnership,
        held_on=dt.date(2020, 11, 12),
        topic="Working under lockdown",
        attended=38,
        agencies=[agency],
        discussion="Virtual visits: what children could and could not say on a screen",
        themes=["voice-of-the-child"],
    )
    assert list(note.agencies.all()) == [agency] and note.themes.count() == 1
    assert AuditLog.objects.filter(verb=verbs.FORUM_CREATE, object_id=str(note.pk)).exists()
    assert ForumNote.objects.count() == 1


def test_recommendation_snapshot_is_linked_to_its_activity(recommendation, activity):
    assert Recommendation.objects.get().activity == activity
