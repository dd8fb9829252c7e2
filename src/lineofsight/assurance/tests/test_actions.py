import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.actions import services as action_services
from lineofsight.actions.models import LearningTheme
from lineofsight.actions.selectors import actions_for_source
from lineofsight.assurance import selectors, standards
from lineofsight.assurance.services import audits, section11
from lineofsight.audit.models import AuditLog


@pytest.fixture
def theme(db):
    return LearningTheme.objects.get_or_create(
        slug="voice-of-the-child", defaults={"name": "Voice of the child"}
    )[0]


@pytest.mark.django_db
def test_a_finding_becomes_an_audit_action_and_carries_themes(audit, manager, agency, theme):
    finding = audits.add_finding(
        actor=manager,
        audit=audit,
        kind="improvement",
        text="Lived experience not captured",
        themes=[theme],
    )
    assert list(finding.themes.all()) == [theme]
    assert AuditLog.objects.get(verb="finding.create").after["themes"] == [theme.pk]
    action = action_services.raise_action(
        actor=manager,
        record=finding,
        title="Refresh the tool",
        owner_agency=agency,
        due_date=dt.date(2017, 3, 31),
    )
    assert action.source == "audit"
    assert action.source_label.startswith("Neglect (2016-17 Q2)")
    assert list(actions_for_source(finding)) == [action]


@pytest.mark.django_db
def test_a_development_point_becomes_a_section11_action(round_, lead, agency, manager):
    ret = section11.start_return(actor=lead, round_=round_, agency=agency)
    answers = {s.code: {"rating": "fully_met", "evidence": "yes"} for s in standards.standards()}
    answers["training"] = {
        "rating": "not_met",
        "evidence": "None",
        "development_point": "Train all staff",
    }
    section11.save_return(
        actor=lead, section11_return=ret, expected_version=1, answers=answers, submit=True
    )
    point = selectors.round_summary(manager, round_).development_themes[0].development_points[0]
    with pytest.raises(PermissionDenied):
        action_services.raise_action(
            actor=lead,
            record=point,
            title="x",
            owner_agency=agency,
            due_date=dt.date(2021, 12, 31),
        )
    action = action_services.raise_action(
        actor=manager,
        record=point,
        title="Train all staff",
        owner_agency=agency,
        due_date=dt.date(2021, 12, 31),
    )
    assert action.source == "section11"
    assert "standard 5 (Staff training)" in action.source_label


@pytest.mark.django_db
def test_tagged_audits_recur_on_the_themes_page(audit, manager, theme):
    from lineofsight.actions.recurrence import recurrence

    audits.update_audit(actor=manager, audit=audit, expected_version=1, themes=[theme])
    item = next(r for r in recurrence() if r.theme == theme)
    assert [(k.source.kind, k.count) for k in item.kinds] == [("audit", 1)]
