"""Each indicator page lists the multi-agency audits that look into it: an audit is linked to
indicators when it is added or changed (audited), and only catalogue indicators can be linked."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from lineofsight.assurance import verbs
from lineofsight.assurance.models import Audit
from lineofsight.assurance.services import audits
from lineofsight.audit.models import AuditLog
from lineofsight.partnership.roles import Role
from lineofsight.testing import factories
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

FORM = {
    "title": "Repeat plans",
    "theme": "Child protection",
    "year": "2020",
    "quarter": "3",
    "lead": "Sam Auditor",
    "status": "planned",
}


@pytest.mark.django_db
def test_the_business_manager_links_an_audit_to_indicators_and_their_pages_list_it(
    make_user, partnership
):
    manager = client_for(make_user(Role.PARTNERSHIP_ADMIN))
    form = manager.get("/assurance/audits/new/").content.decode()
    assert 'value="cp_repeat_plan_pct"' in form and "Second or subsequent child protection" in form
    response = manager.post(
        "/assurance/audits/new/", {**FORM, "indicators": ["cp_repeat_plan_pct", "rereferral_pct"]}
    )
    assert response.status_code == 302
    audit = Audit.objects.get(title="Repeat plans")
    assert audit.indicators == ["cp_repeat_plan_pct", "rereferral_pct"]
    created = AuditLog.objects.filter(object_id=str(audit.pk), verb=verbs.AUDIT_CREATE)
    assert created.get().after["indicators"] == ["cp_repeat_plan_pct", "rereferral_pct"]
    page = manager.get("/performance/cp_repeat_plan_pct/").content.decode()
    assert "Multi-agency audits looking into it" in page
    assert f'href="{audit.get_absolute_url()}">Repeat plans</a>: 2020-21 Q3, planned' in page
    # and the audit's own page names the indicators it looks into, with links to them
    detail = manager.get(audit.get_absolute_url()).content.decode()
    assert "Indicators it looks into" in detail
    assert 'href="/performance/rereferral_pct/">Re-referrals within 12 months</a>' in detail
    # unlinked in an edit: the page no longer lists it, and the change is audited
    edit = f"/assurance/audits/{audit.pk}/edit/"
    assert 'value="rereferral_pct" checked' in manager.get(edit).content.decode()
    response = manager.post(edit, {**FORM, "indicators": ["rereferral_pct"], "version": "1"})
    assert response.status_code == 302
    assert "Repeat plans" not in manager.get("/performance/cp_repeat_plan_pct/").content.decode()
    assert "Repeat plans" in manager.get("/performance/rereferral_pct/").content.decode()
    updated = AuditLog.objects.get(object_id=str(audit.pk), verb=verbs.AUDIT_UPDATE)
    assert updated.before["indicators"] == ["cp_repeat_plan_pct", "rereferral_pct"]
    assert updated.after["indicators"] == ["rereferral_pct"]


@pytest.mark.django_db
def test_only_catalogue_indicators_can_be_linked(partnership):
    with pytest.raises(ValidationError, match="Not an indicator: no_such_thing"):
        factories.audit(partnership, indicators=["rereferral_pct", "no_such_thing"])
    audit = factories.audit(partnership, indicators=["rereferral_pct", "rereferral_pct"])
    assert audit.indicators == ["rereferral_pct"]  # once each


@pytest.mark.django_db
def test_a_board_member_sees_the_audit_and_another_partnership_never_does(make_user, partnership):
    from lineofsight.partnership import services
    from lineofsight.partnership.actors import SYSTEM

    elsewhere = services.create_partnership(actor=SYSTEM, name="Elsewhere", la_code="372")
    factories.audit(partnership, title="Thresholds", indicators=["rereferral_pct"])
    factories.audit(elsewhere, title="Elsewhere", indicators=["rereferral_pct"])
    page = client_for(make_user(Role.BOARD_MEMBER)).get("/performance/rereferral_pct/")
    text = page.content.decode()
    assert "Thresholds" in text and "Elsewhere" not in text


@pytest.mark.django_db
def test_outsider_refused_linking_an_audit(outsider, partnership):
    audit = factories.audit(partnership)
    assert_outsider_refused(outsider, "/assurance/audits/new/", method="post")
    assert_outsider_refused(outsider, f"/assurance/audits/{audit.pk}/edit/", method="post")
    assert audits.AUDIT_FIELDS[-1] == "indicators"
