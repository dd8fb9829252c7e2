import json

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.partnership import demo
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role


@pytest.mark.django_db
def test_demo_is_idempotent_and_has_one_user_per_role(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    first = demo.load()
    counts = (
        Partnership.objects.count(),
        Agency.objects.count(),
        User.objects.count(),
        AuditLog.objects.count(),
    )
    second = demo.load()
    assert first == second
    assert (
        Partnership.objects.count(),
        Agency.objects.count(),
        User.objects.count(),
        AuditLog.objects.count(),
    ) == counts
    partnership = Partnership.objects.get()
    assert partnership.la_code == "371"
    assert partnership.populations.get(year=2020).under_18 == 66_918
    held = {
        Role(r)
        for user in User.objects.all()
        for r in user.role_assignments.values_list("role", flat=True)
    }
    assert held == set(Role)
    for username, password in first.items():
        assert User.objects.get(username=username).check_password(password)
    stored = json.loads((tmp_path / "demo-credentials.json").read_text())
    assert stored == first
    assert (tmp_path / "demo-credentials.json").stat().st_mode & 0o077 == 0
