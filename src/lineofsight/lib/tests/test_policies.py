import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.lib.policies import partnership_policy
from lineofsight.partnership import services
from lineofsight.partnership.actors import SYSTEM, MissingActor
from lineofsight.partnership.roles import Role

can_manage = partnership_policy("lado.manage", lambda record: record.pk)


@pytest.mark.django_db
def test_the_permission_and_then_the_records_partnership(make_user, partnership):
    manager = make_user(Role.LADO)
    outsider = make_user()
    elsewhere = services.create_partnership(actor=SYSTEM, name="Elsewhere", la_code="999")
    assert can_manage(manager) and can_manage(manager, partnership)
    assert not can_manage(manager, elsewhere)
    assert not can_manage(outsider) and not can_manage(outsider, partnership)
    assert can_manage(SYSTEM, elsewhere)
    with pytest.raises(MissingActor):
        can_manage(None)


@pytest.mark.django_db
def test_a_selectors_scope_is_the_persons_partnership_or_refused(make_user, partnership):
    assert can_manage.scope(make_user(Role.LADO)) == partnership.pk
    with pytest.raises(PermissionDenied, match="lado.manage"):
        can_manage.scope(make_user())
