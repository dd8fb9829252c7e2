"""Two-factor authentication: who must use it, and that the set-up page is no bypass (issue 8)."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from lineofsight.accounts import services
from lineofsight.audit.models import AuditLog
from lineofsight.config.env import two_factor_required_in_production
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import PASSWORD, client_for

SET_UP = "/accounts/two-factor/set-up/"
VERIFY = "/accounts/two-factor/verify/"

# Every role that can see personal or confidential data (issue 8 item 2).
PERSONAL_DATA_ROLES = [
    Role.PARTNERSHIP_ADMIN,
    Role.PERFORMANCE_ANALYST,
    Role.BOARD_MEMBER,
    Role.AGENCY_LEAD,
    Role.LADO,
    Role.CDOP_COORDINATOR,
    Role.TRAINING_MANAGER,
]


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    device.throttle_reset()
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    return f"{token:06d}"


def password_session(username: str) -> Client:
    """A session signed in with the password only (no two-factor yet), as an attacker has."""
    client = Client()
    response = client.post("/accounts/sign-in/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrol(client: Client, user) -> TOTPDevice:
    assert client.get(SET_UP).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(SET_UP + "?next=/", {"token": code_for(device)}).status_code == 302
    return device


@pytest.fixture
def two_factor_on(settings):
    settings.REQUIRE_TWO_FACTOR = True


@pytest.mark.django_db
@pytest.mark.parametrize("role", PERSONAL_DATA_ROLES, ids=str)
def test_every_role_that_sees_personal_data_must_set_up_two_factor(make_user, two_factor_on, role):
    user = make_user(role)
    client = client_for(user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(SET_UP)
    page = client.get(response["Location"])
    assert page.status_code == 200 and "<svg" in page.content.decode()
    enrol(client, user)
    assert client.get("/").status_code == 200
    assert AuditLog.objects.filter(verb="two_factor.confirmed", actor=user).exists()


@pytest.mark.django_db
def test_wrong_setup_codes_are_refused_and_throttled(make_user, two_factor_on):
    client = client_for(make_user(Role.PERFORMANCE_ANALYST))
    client.get(SET_UP)
    device = TOTPDevice.objects.get(confirmed=False)
    wrong = client.post(SET_UP, {"token": "000000"})
    assert "not right" in wrong.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # wrong codes are throttled by django-otp


@pytest.mark.django_db
def test_password_only_session_cannot_enrol_a_second_authenticator(make_user, two_factor_on):
    """The attack: the password alone, then the (exempt) set-up page, a new authenticator of the
    attacker's own, and a fully verified session.  Refused: set-up sends them to verify."""
    victim = make_user(Role.PERFORMANCE_ANALYST, username="victim")
    enrol(client_for(victim), victim)  # the real owner's phone
    attacker = password_session("victim")
    page = attacker.get(SET_UP)
    assert page.status_code == 302 and page["Location"].startswith(VERIFY)
    # Posting a code straight to set-up (no GET first) changes nothing either.
    posted = attacker.post(SET_UP, {"token": "123456"})
    assert posted.status_code == 302 and posted["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=victim).count() == 1
    assert not TOTPDevice.objects.filter(user=victim, confirmed=False).exists()
    assert attacker.get("/").status_code == 302  # still not through


@pytest.mark.django_db
def test_services_refuse_setup_for_an_unverified_session_with_a_device(make_user):
    user = make_user(Role.LADO)
    device = services.start_two_factor_setup(user, verified=False)
    assert services.confirm_two_factor(user, device, code_for(device), verified=False)
    with pytest.raises(PermissionDenied):
        services.start_two_factor_setup(user, verified=False)
    with pytest.raises(PermissionDenied):
        services.confirm_two_factor(user, device, "123456", verified=False)


@pytest.mark.django_db
def test_a_verified_session_replaces_its_authenticator_audited(make_user, two_factor_on):
    user = make_user(Role.AGENCY_LEAD)
    client = client_for(user)
    old = enrol(client, user)
    new = enrol(client, user)  # the session is verified now: replacing is allowed
    assert list(TOTPDevice.objects.filter(user=user).values_list("pk", flat=True)) == [new.pk]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    row = AuditLog.objects.get(verb="two_factor.replaced", actor=user)
    assert row.before == {"confirmed": False, "authenticators": 1}


@pytest.mark.django_db
def test_administrator_resets_a_locked_out_users_two_factor(make_user, admin_user, two_factor_on):
    user = make_user(Role.CDOP_COORDINATOR, username="lost.phone")
    enrol(client_for(user), user)
    admin = client_for(admin_user)
    enrol(admin, admin_user)
    missing = admin.post("/accounts/two-factor/reset/", {"username": "lost.phone"})
    assert "Enter why you are resetting" in missing.content.decode()
    done = admin.post(
        "/accounts/two-factor/reset/", {"username": "lost.phone", "reason": "lost phone"}
    )
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    row = AuditLog.objects.get(verb="two_factor.reset")
    assert row.actor == admin_user and row.detail == {"reason": "lost phone"}
    assert row.object_id == str(user.pk)
    # At their next sign-in the user sets up a new authenticator.
    again = password_session("lost.phone")
    assert again.get("/")["Location"].startswith(SET_UP)


@pytest.mark.django_db
def test_only_the_administrator_may_reset_two_factor(make_user, outsider):
    from lineofsight.testing.access import assert_outsider_refused

    victim = make_user(Role.LADO)
    enrol(client_for(victim), victim)
    lead = make_user(Role.AGENCY_LEAD)
    assert client_for(lead).get("/accounts/two-factor/reset/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.reset_two_factor(actor=lead, user=victim, reason="mine now")
    assert_outsider_refused(outsider, "/accounts/two-factor/reset/")
    assert TOTPDevice.objects.filter(user=victim).count() == 1


@pytest.mark.django_db
def test_reset_two_factor_command_is_audited_as_the_system(make_user, capsys):
    user = make_user(Role.TRAINING_MANAGER, username="tara")
    enrol(client_for(user), user)
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("reset_two_factor", "nobody", reason="lost phone")
    call_command("reset_two_factor", "tara", reason="lost phone")
    assert "Removed 1 authenticator(s) of tara" in capsys.readouterr().out
    row = AuditLog.objects.get(verb="two_factor.reset")
    assert row.actor is None and row.actor_label == "system"
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_production_refuses_two_factor_off():
    assert two_factor_required_in_production({}) is True
    with pytest.raises(ImproperlyConfigured, match="REQUIRE_TWO_FACTOR=false is not allowed"):
        two_factor_required_in_production({"REQUIRE_TWO_FACTOR": "false"})


def test_production_settings_do_not_start_with_two_factor_off(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.production",
        "SECRET_KEY": "a-very-long-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "LINEOFSIGHT_VAR_DIR": str(tmp_path),
        "REQUIRE_TWO_FACTOR": "false",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "REQUIRE_TWO_FACTOR=false is not allowed" in result.stderr


def test_the_demo_may_keep_two_factor_off():
    from lineofsight.config import settings as configured

    # The test environment, like the demo, sets REQUIRE_TWO_FACTOR=false for plain settings.
    assert configured.REQUIRE_TWO_FACTOR is False


@pytest.mark.django_db
def test_the_audit_log_links_the_administrator_to_the_reset_page(admin_user):
    page = client_for(admin_user).get("/audit/").content.decode()
    assert 'href="/accounts/two-factor/reset/"' in page
    assert client_for(admin_user).get("/accounts/two-factor/reset/").status_code == 200
