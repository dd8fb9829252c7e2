import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.assurance import selectors
from lineofsight.assurance.models import Audit, AuditCase
from lineofsight.assurance.services import audits
from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict


@pytest.mark.django_db
def test_creating_an_audit_is_audited(audit, manager):
    row = AuditLog.objects.get(verb="audit.create", object_id=str(audit.pk))
    assert row.actor == manager and row.before is None
    assert row.after["theme"] == "Neglect" and row.after["quarter"] == 2
    assert audit.period_label == "2016-17 Q2"


@pytest.mark.django_db
def test_only_managers_write_audits(partnership, lead):
    with pytest.raises(PermissionDenied):
        audits.create_audit(
            actor=lead,
            partnership=partnership,
            title="x",
            theme="x",
            year=2016,
            quarter=1,
            lead="x",
        )
    assert not Audit.objects.exists()


@pytest.mark.django_db
def test_an_invalid_audit_leaves_neither_record_nor_audit_row(partnership, manager):
    count = AuditLog.objects.count()
    with pytest.raises(ValidationError):
        audits.create_audit(
            actor=manager,
            partnership=partnership,
            title="x",
            theme="x",
            year=2016,
            quarter=5,
            lead="x",
        )
    assert not Audit.objects.exists() and AuditLog.objects.count() == count


@pytest.mark.django_db
def test_update_records_before_and_after_and_refuses_a_stale_version(audit, manager):
    first = Audit.objects.get(pk=audit.pk)
    second = Audit.objects.get(pk=audit.pk)
    audits.update_audit(actor=manager, audit=first, expected_version=1, status="complete")
    row = AuditLog.objects.get(verb="audit.update")
    assert row.before["status"] == "planned" and row.after["status"] == "complete"
    with pytest.raises(EditConflict):
        audits.update_audit(actor=manager, audit=second, expected_version=1, title="Lost")
    stored = Audit.objects.get(pk=audit.pk)
    assert (stored.title, stored.status, stored.version) == ("Neglect", "complete", 2)
    assert AuditLog.objects.filter(verb="audit.update").count() == 1


@pytest.mark.django_db
def test_case_references_are_pseudonymous(audit, manager, agency):
    for bad in ("Jane Smith", "smith", "AB"):
        with pytest.raises(ValidationError):
            audits.add_case(
                actor=manager, audit=audit, reference=bad, case_type="cp", gradings={agency: "good"}
            )
    assert not AuditCase.objects.exists()


@pytest.mark.django_db
def test_cases_carry_each_agencys_grading_and_edits_are_locked(
    audit, manager, agency, other_agency
):
    case = audits.add_case(
        actor=manager,
        audit=audit,
        reference="MAA-16-01",
        case_type="cp",
        gradings={agency: "good", other_agency: "inadequate"},
    )
    assert {g.agency_id: g.grade for g in case.gradings.all()} == {
        agency.pk: "good",
        other_agency.pk: "inadequate",
    }
    row = AuditLog.objects.get(verb="audit_case.create")
    assert row.after["gradings"] == {str(agency.pk): "good", str(other_agency.pk): "inadequate"}
    audits.update_case(
        actor=manager,
        case=case,
        expected_version=1,
        reference="MAA-16-01",
        case_type="cp",
        gradings={agency: "outstanding", other_agency: ""},
    )
    assert {g.agency_id: g.grade for g in case.gradings.all()} == {agency.pk: "outstanding"}
    row = AuditLog.objects.get(verb="audit_case.update")
    assert row.before["gradings"][str(other_agency.pk)] == "inadequate"
    with pytest.raises(EditConflict):
        audits.update_case(
            actor=manager,
            case=case,
            expected_version=1,
            reference="MAA-16-01",
            case_type="cin",
            gradings={},
        )
    assert AuditCase.objects.get(pk=case.pk).case_type == "cp"


@pytest.mark.django_db
def test_re_audit_comparison_computed_from_gradings(
    partnership, audit, manager, agency, other_agency
):
    grades_before = ["good", "requires_improvement", "requires_improvement", "inadequate"]
    for i, grade in enumerate(grades_before):
        audits.add_case(
            actor=manager,
            audit=audit,
            reference=f"MAA-16-{i}",
            case_type="cp",
            gradings={agency: grade},
        )
    re_audit = audits.create_audit(
        actor=manager,
        partnership=partnership,
        title="Neglect re-audit",
        theme="Neglect",
        year=2017,
        quarter=3,
        lead="Jo Auditor",
        original=audit,
    )
    for i, grade in enumerate(["good", "outstanding", "good", "inadequate"]):
        audits.add_case(
            actor=manager,
            audit=re_audit,
            reference=f"MAA-17-{i}",
            case_type="cp",
            gradings={other_agency: grade},
        )
    rows = selectors.comparison(re_audit)
    assert rows[1].label == "Child protection"
    assert rows[1].sentence == (
        "Good or outstanding gradings (child protection) rose from 25% to 75%"
    )
    by_agency = selectors.comparison(re_audit, by="agency")
    assert {r.label for r in by_agency[1:]} == {agency.name, other_agency.name}
    assert selectors.comparison(audit) == []


@pytest.mark.django_db
def test_a_re_audit_cannot_follow_itself(audit, manager):
    with pytest.raises(ValidationError):
        audits.update_audit(actor=manager, audit=audit, expected_version=1, original=audit)


@pytest.mark.django_db
def test_findings_are_audited_and_locked(audit, manager):
    finding = audits.add_finding(
        actor=manager, audit=audit, kind="improvement", text="Voice of the child not evident"
    )
    audits.update_finding(
        actor=manager,
        finding=finding,
        expected_version=1,
        kind="improvement",
        text="Voice of the child rarely evident",
    )
    row = AuditLog.objects.get(verb="finding.update")
    assert row.before["text"] == "Voice of the child not evident"
    with pytest.raises(EditConflict):
        audits.update_finding(
            actor=manager, finding=finding, expected_version=1, kind="strength", text="x"
        )


@pytest.mark.django_db
def test_selectors_filter_and_refuse_outsiders(audit, manager, outsider):
    assert list(selectors.audits_for(manager, year=2016)) == [audit]
    assert list(selectors.audits_for(manager, year=2017)) == []
    assert list(selectors.audits_for(manager, text="negl")) == [audit]
    with pytest.raises(PermissionDenied):
        selectors.audits_for(outsider)
