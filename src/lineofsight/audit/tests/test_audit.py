import pytest
from django.db import IntegrityError, transaction

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import AuditOutsideTransaction, record
from lineofsight.partnership import services
from lineofsight.partnership.models import Agency


@pytest.mark.django_db
def test_a_service_write_leaves_its_audit_row(partnership, admin_user):
    agency = services.create_agency(
        actor=admin_user,
        partnership=partnership,
        name="Probation",
        code="probation",
        kind=Agency.Kind.PROBATION,
    )
    row = AuditLog.objects.get(verb="agency.create", object_id=str(agency.pk))
    assert row.actor == admin_user
    assert row.actor_label == "admin"
    assert row.action == AuditLog.Action.CREATE
    assert row.before is None
    assert row.after["name"] == "Probation"
    assert row.after["code"] == "probation"


@pytest.mark.django_db
def test_an_update_records_before_and_after(partnership, admin_user):
    services.set_population(actor=admin_user, partnership=partnership, year=2020, under_18=70_000)
    row = AuditLog.objects.filter(verb="population.set").first()
    assert row.before["under_18"] == 66_918
    assert row.after["under_18"] == 70_000


@pytest.mark.django_db
def test_a_failed_write_leaves_neither_the_change_nor_the_row(partnership, agency, admin_user):
    rows_before = AuditLog.objects.count()
    with pytest.raises(IntegrityError):
        # agency codes are unique per partnership: the insert fails inside the service
        Agency.full_clean = lambda self, *a, **k: None  # skip form-level validation
        try:
            services.create_agency(
                actor=admin_user,
                partnership=partnership,
                name="Again",
                code=agency.code,
                kind=Agency.Kind.POLICE,
            )
        finally:
            del Agency.full_clean
    assert AuditLog.objects.count() == rows_before
    assert Agency.objects.filter(name="Again").count() == 0


@pytest.mark.django_db
def test_when_the_audit_row_fails_the_change_is_rolled_back(partnership, admin_user, monkeypatch):
    def broken_create(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(AuditLog.objects, "create", broken_create)
    with pytest.raises(RuntimeError, match="audit store unavailable"):
        services.create_agency(
            actor=admin_user,
            partnership=partnership,
            name="Ghost",
            code="ghost",
            kind=Agency.Kind.VOLUNTARY,
        )
    assert not Agency.objects.filter(code="ghost").exists()


@pytest.mark.django_db(transaction=True)
def test_record_refuses_to_run_outside_a_transaction(admin_user):
    with pytest.raises(AuditOutsideTransaction):
        record(actor=admin_user, verb="x.y", action=AuditLog.Action.OTHER, object_type="x")


@pytest.mark.django_db
def test_the_log_is_append_only(admin_user):
    with transaction.atomic():
        row = record(actor=admin_user, verb="x.y", action=AuditLog.Action.OTHER, object_type="x")
    row.verb = "tampered"
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()
    with pytest.raises(PermissionError):
        AuditLog.objects.filter(pk=row.pk).update(verb="tampered")
    with pytest.raises(PermissionError):
        AuditLog.objects.all().delete()
