import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.actions import selectors, services
from lineofsight.actions.models import Action, ActionUpdate, LearningTheme
from lineofsight.actions.tests.conftest import TODAY
from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.roles import Role


@pytest.mark.django_db
def test_themes_are_seeded_from_the_data_file_by_migration():

    names = set(LearningTheme.objects.values_list("name", flat=True))
    assert {"Information sharing", "Neglect", "Voice of the child", "Thresholds"} <= names


@pytest.mark.django_db
def test_create_action_links_its_source_record_and_is_audited(make_action, partnership):
    action = make_action(
        source_object=partnership,
        source_label="CSPR Child M rec 3",
        themes=["neglect", "information-sharing"],
    )
    assert action.status == Action.Status.OPEN and action.version == 1
    assert (action.source_app_label, action.source_model, action.source_id) == (
        "partnership",
        "partnership",
        str(partnership.pk),
    )
    assert action.source_object() == partnership
    assert list(selectors.actions_for_source(partnership)) == [action]
    assert list(selectors.actions_for_source(Partnership(pk=partnership.pk + 1))) == []
    assert sorted(action.themes.values_list("slug", flat=True)) == [
        "information-sharing",
        "neglect",
    ]
    log = AuditLog.objects.get(verb="action.create")
    assert log.after["themes"] == ["information-sharing", "neglect"]


@pytest.mark.django_db
def test_unknown_theme_or_source_is_refused(make_action):
    with pytest.raises(ValidationError):
        make_action(themes=["no-such-theme"])
    with pytest.raises(ValidationError):
        make_action(source="gossip")
    assert not Action.objects.exists()


@pytest.mark.django_db
def test_agency_lead_updates_own_agency_action_only(make_action, make_user, other_agency):
    action = make_action()
    lead = make_user(Role.AGENCY_LEAD)
    other_lead = make_user(Role.AGENCY_LEAD, agency_=other_agency)
    board = make_user(Role.BOARD_MEMBER)
    update = services.add_update(
        actor=lead,
        action=action,
        expected_version=1,
        text="Policy drafted",
        evidence="Draft v0.3",
        status=Action.Status.IN_PROGRESS,
    )
    assert update.status_after == "in_progress" and update.author == lead
    action.refresh_from_db()
    assert (action.status, action.version) == ("in_progress", 2)
    for outsider in (other_lead, board):
        with pytest.raises(PermissionDenied):
            services.add_update(actor=outsider, action=action, expected_version=2, text="x")
    admin = make_user(Role.PARTNERSHIP_ADMIN, agency_=other_agency)
    services.add_update(actor=admin, action=action, expected_version=2, text="Chased")
    assert ActionUpdate.objects.filter(action=action).count() == 2


@pytest.mark.django_db
def test_stale_update_gets_a_conflict_and_changes_nothing(make_action, make_user):
    action = make_action()
    lead = make_user(Role.AGENCY_LEAD)
    services.add_update(actor=lead, action=action, expected_version=1, text="first")
    stale = Action.objects.get(pk=action.pk)
    stale.version = 1
    with pytest.raises(EditConflict):
        services.add_update(
            actor=lead,
            action=stale,
            expected_version=1,
            text="second",
            status=Action.Status.CANCELLED,
        )
    assert ActionUpdate.objects.count() == 1
    assert Action.objects.get(pk=action.pk).status == Action.Status.OPEN


@pytest.mark.django_db
def test_close_needs_evidence_of_impact(make_action, make_user):
    action = make_action()
    lead = make_user(Role.AGENCY_LEAD)
    with pytest.raises(ValidationError):
        services.close_action(actor=lead, action=action, expected_version=1, impact_evidence=" ")
    with pytest.raises(ValidationError):
        services.add_update(
            actor=lead, action=action, expected_version=1, text="done", status=Action.Status.CLOSED
        )
    closed = services.close_action(
        actor=lead,
        action=action,
        expected_version=1,
        impact_evidence="Re-audit: 59% good or better, up from 26%",
    )
    closed.refresh_from_db()
    assert closed.status == "closed" and closed.closed_at is not None
    assert "59%" in closed.impact_evidence
    assert closed.updates.last().status_after == "closed"
    with pytest.raises(ValidationError):
        services.close_action(
            actor=lead, action=closed, expected_version=closed.version, impact_evidence="again"
        )


@pytest.mark.django_db
def test_only_an_administrator_reopens(make_action, make_user):
    action = make_action()
    lead = make_user(Role.AGENCY_LEAD)
    services.close_action(actor=lead, action=action, expected_version=1, impact_evidence="ok")
    with pytest.raises(PermissionDenied):
        services.add_update(
            actor=lead, action=action, expected_version=2, text="reopen", status=Action.Status.OPEN
        )
    services.add_update(actor=lead, action=action, expected_version=2, text="A note")
    admin = make_user(Role.PARTNERSHIP_ADMIN)
    services.add_update(
        actor=admin,
        action=action,
        expected_version=3,
        text="Re-audit shows no change",
        status=Action.Status.OPEN,
    )
    action.refresh_from_db()
    assert action.status == "open" and action.closed_at is None


@pytest.mark.django_db
def test_overdue_due_soon_and_filters(make_action, make_user, other_agency):
    board = make_user(Role.BOARD_MEMBER)
    late = make_action(title="late", due_date=TODAY - dt.timedelta(days=3))
    soon = make_action(
        title="soon",
        due_date=TODAY + dt.timedelta(days=10),
        owner_agency=other_agency,
        source="audit",
        themes=["neglect"],
    )
    make_action(title="later", due_date=TODAY + dt.timedelta(days=90))
    done = make_action(title="done", due_date=TODAY - dt.timedelta(days=30))
    services.close_action(actor=SYSTEM, action=done, expected_version=1, impact_evidence="yes")
    assert list(selectors.overdue(board, today=TODAY)) == [late]
    assert list(selectors.due_soon(board, today=TODAY)) == [soon]
    assert list(selectors.actions_for(board, overdue=True, today=TODAY)) == [late]
    assert list(selectors.actions_for(board, agency=other_agency)) == [soon]
    assert list(selectors.actions_for(board, source="audit")) == [soon]
    assert list(selectors.actions_for(board, theme="neglect")) == [soon]
    assert list(selectors.actions_for(board, status="closed")) == [done]
    assert len(selectors.actions_for(board, status="active")) == 3
    summary = selectors.board_summary(board, today=TODAY)
    assert (summary.total, summary.overdue, summary.due_soon) == (4, 1, 1)
    assert summary.closed_with_evidence == 1
    assert dict((v, c) for v, _l, c in summary.by_status)["open"] == 3
    assert summary.by_agency[0].overdue == 1


@pytest.mark.django_db
def test_reading_needs_learning_view(make_user, outsider):
    with pytest.raises(PermissionDenied):
        selectors.actions_for(outsider)


def test_with_themes_leaves_themes_alone_when_none_are_given():
    assert services.with_themes(None) == {
        "after_save": None,
        "snapshot_of": services.snapshot_with_themes,
    }
    assert services.with_themes(iter(["neglect"]))["after_save"] is not None
