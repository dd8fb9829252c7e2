"""`lineofsight setup`: a real partnership from flags or answers, idempotent, nothing synthetic."""

import re

import pytest
from django.test import Client

from lineofsight.audit.models import AuditLog
from lineofsight.cli import main
from lineofsight.partnership.models import Agency, Partnership, Population, User
from lineofsight.partnership.roles import Role
from lineofsight.partnership.setup import SetupError, local_authority, set_up

STRONG = "plum-orchard-lantern-42"  # noqa: S105 - test-only


def _counts():
    return (
        Partnership.objects.count(),
        Population.objects.count(),
        Agency.objects.count(),
        User.objects.count(),
        AuditLog.objects.count(),
    )


def test_local_authority_comes_from_the_shipped_ons_table():
    name, population = local_authority("371")
    assert name == "Doncaster"
    assert population[2020] == 64_165  # the ONS mid-2020 estimate DfE's CLA table uses
    assert population[2024] == 68_271
    with pytest.raises(SetupError, match="not a local authority code"):
        local_authority("999")


@pytest.mark.django_db
def test_set_up_by_flags_creates_the_partnership_and_is_idempotent(monkeypatch, capsys):
    monkeypatch.setenv("LINEOFSIGHT_ADMIN_PASSWORD", STRONG)
    argv = ["setup", "--no-input", "--la", "371", "--admin", "sam", "--agency", "education"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "created partnership Doncaster Safeguarding Children Partnership (371)" in out
    partnership = Partnership.objects.get()
    assert partnership.populations.get(year=2020).under_18 == 64_165
    kinds = set(partnership.agencies.values_list("kind", flat=True))
    assert kinds == {
        Agency.Kind.COUNCIL,
        Agency.Kind.POLICE,
        Agency.Kind.HEALTH,
        Agency.Kind.PARTNERSHIP_TEAM,
        Agency.Kind.EDUCATION,
    }
    admin = User.objects.get()
    assert admin.check_password(STRONG)
    assert admin.role_set() == {Role.PARTNERSHIP_ADMIN}
    assert admin.agency.kind == Agency.Kind.PARTNERSHIP_TEAM
    # every row is audited, by the system actor
    logged = AuditLog.objects.filter(verb__in=["partnership.create", "agency.create"])
    assert logged.count() == 6 and set(logged.values_list("actor_label", flat=True)) == {"system"}
    # nothing synthetic: no snapshots, results or demo users
    from lineofsight.datasets.models import Snapshot
    from lineofsight.performance.models import IndicatorResult

    assert not Snapshot.objects.exists() and not IndicatorResult.objects.exists()

    before = _counts()
    assert main(argv) == 0
    assert "already set up: nothing changed" in capsys.readouterr().out
    assert main(["setup", "--no-input"]) == 0  # the existing LA and administrator are found
    assert _counts() == before


@pytest.mark.django_db
def test_set_up_refuses_another_la_a_weak_password_and_an_unknown_agency(monkeypatch, capsys):
    monkeypatch.setenv("LINEOFSIGHT_ADMIN_PASSWORD", "password")
    assert main(["setup", "--no-input", "--la", "371", "--admin", "sam"]) == 2
    assert "password was refused" in capsys.readouterr().err
    assert _counts() == (0, 0, 0, 0, 0)
    assert main(["setup", "--no-input", "--la", "371"]) == 2
    assert "--no-input needs --admin" in capsys.readouterr().err
    with pytest.raises(SetupError, match="Unknown agency kind schools"):
        set_up(
            la_code="371", admin_username="a", admin_password=STRONG, optional_agencies=("schools",)
        )
    set_up(la_code="371", admin_username="sam", admin_password=STRONG)
    with pytest.raises(SetupError, match="already serves Doncaster"):
        set_up(la_code="372", admin_username="sam", admin_password=STRONG)
    User.objects.create(username="viewer")
    with pytest.raises(SetupError, match="not an administrator"):
        set_up(la_code="371", admin_username="viewer", admin_password=STRONG)


@pytest.mark.django_db
def test_without_a_password_setup_prints_a_one_time_sign_in_link(monkeypatch, capsys, settings):
    monkeypatch.delenv("LINEOFSIGHT_ADMIN_PASSWORD", raising=False)
    settings.SITE_URL = "https://los.example.org"
    assert main(["setup", "--no-input", "--la", "371", "--admin", "sam"]) == 0
    out = capsys.readouterr().out
    assert "lineofsight manage changepassword sam" in out
    assert not User.objects.get().has_usable_password()
    link = re.search(r"https://los\.example\.org(/accounts/password/set/\S+/)", out)
    assert link, out
    client = Client()
    strong = {"new_password1": STRONG, "new_password2": STRONG}
    assert client.post(link.group(1), strong).status_code == 302
    assert User.objects.get().check_password(STRONG)
    assert Client().post(link.group(1), strong).status_code == 404  # the link works once


@pytest.mark.django_db
def test_set_up_interactively(monkeypatch, capsys):
    monkeypatch.delenv("LINEOFSIGHT_ADMIN_PASSWORD", raising=False)
    answers = iter(["371", "", "voluntary", "", "sam@example.org"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    passwords = iter(["short", STRONG, "different-but-long-9", STRONG, STRONG])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(passwords))
    assert main(["setup"]) == 0
    out = capsys.readouterr().out
    assert "This password is too short" in out
    assert "The two passwords are different" in out
    admin = User.objects.get(username="admin")
    assert admin.email == "sam@example.org" and admin.check_password(STRONG)
    assert Agency.objects.filter(kind=Agency.Kind.VOLUNTARY).exists()
    assert Partnership.objects.get().name == "Doncaster Safeguarding Children Partnership"


@pytest.mark.django_db
def test_ingest_on_a_new_database_points_to_setup(tmp_path, capsys):
    assert main(["ingest", str(tmp_path)]) == 2
    assert "run `lineofsight setup`" in capsys.readouterr().err
