"""Every way of creating a user or setting a password applies the password validators (issue 8
item 9): a user with password ``a`` cannot be created by any of them."""

from __future__ import annotations

import json
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from lineofsight.partnership import demo, services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.models import User
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import PASSWORD

WEAK = ["a", "password1234", "123456789012", "bernard12345"]


def test_validators_are_configured_sensibly(settings):
    names = {v["NAME"].rsplit(".", 1)[-1]: v for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert set(names) == {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }
    assert names["MinimumLengthValidator"]["OPTIONS"]["min_length"] >= 12


@pytest.mark.django_db
@pytest.mark.parametrize("weak", WEAK)
def test_the_create_user_service_refuses_weak_passwords(agency, weak):
    with pytest.raises(ValidationError):
        services.create_user(
            actor=SYSTEM, username="bernard", password=weak, agency=agency, roles=[Role.LADO]
        )
    assert not User.objects.filter(username="bernard").exists()


@pytest.mark.django_db
def test_the_user_manager_refuses_a_weak_password():
    with pytest.raises(ValidationError):
        User.objects.create_user("bernard", password="a")
    with pytest.raises(ValidationError):
        User.objects.create_superuser("root", password="a")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_set_password_refuses_a_weak_password(make_user):
    user = make_user()
    with pytest.raises(ValidationError, match="too short"):
        user.set_password("a")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_createsuperuser_without_input_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a")
    with pytest.raises((CommandError, ValidationError)):
        call_command("createsuperuser", "--noinput", username="root", email="r@example.org")
    assert not User.objects.filter(username="root").exists()


@pytest.mark.django_db
def test_changepassword_command_refuses_a_weak_password(make_user, monkeypatch):
    user = make_user(username="bernard")
    answers = iter(["a", "a"] * 3)
    monkeypatch.setattr("getpass.getpass", lambda *args, **kwargs: next(answers))
    with pytest.raises((CommandError, StopIteration)):
        call_command("changepassword", "bernard")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_django_password_forms_refuse_a_weak_password(make_user):
    from django.contrib.auth.forms import SetPasswordForm

    form = SetPasswordForm(make_user(), {"new_password1": "a", "new_password2": "a"})
    assert not form.is_valid()


@pytest.mark.django_db
def test_the_demo_refuses_a_weak_password_in_its_credentials_file(settings):
    path = demo._credentials_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"admin": "a"}))
    os.chmod(path, 0o600)
    try:
        with pytest.raises(ValidationError):
            demo.load()
        assert not User.objects.filter(username="admin").exists()
    finally:
        path.unlink()


@pytest.mark.django_db
def test_an_existing_weak_password_still_signs_in_after_a_hasher_upgrade(make_user, settings):
    """Re-hashing on sign-in must not validate (the owner would be locked out)."""
    from django.contrib.auth.hashers import make_password

    user = make_user(username="bernard")
    User.objects.filter(pk=user.pk).update(password=make_password("a", hasher="md5"))
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    user.refresh_from_db()
    assert user.check_password("a")
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_")
