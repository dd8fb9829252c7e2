import pytest
from django.test import Client

from lineofsight.audit.models import AuditLog
from lineofsight.partnership.roles import Role
from lineofsight.testing.fixtures import PASSWORD, client_for


def test_passwords_are_hashed_with_argon2_by_configuration():
    from lineofsight.config import settings as configured

    assert configured.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_sign_in_with_right_password_and_audit_row(make_user):
    user = make_user(Role.BOARD_MEMBER, username="bernard")
    client = Client()
    response = client.post(
        "/accounts/sign-in/", {"username": "bernard", "password": PASSWORD, "next": "/audit/"}
    )
    assert response.status_code == 302 and response["Location"] == "/audit/"
    assert AuditLog.objects.filter(verb="account.sign_in", actor=user).exists()


@pytest.mark.django_db
def test_sign_in_refuses_an_offsite_next(make_user):
    make_user(Role.BOARD_MEMBER, username="bernard")
    response = Client().post(
        "/accounts/sign-in/",
        {"username": "bernard", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_wrong_password_shows_govuk_error_summary(make_user):
    make_user(Role.BOARD_MEMBER, username="bernard")
    response = Client().post("/accounts/sign-in/", {"username": "bernard", "password": "wrong"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and "Enter a correct username and password" in body
    assert "<title>Error: Sign in" in body
    assert AuditLog.objects.filter(verb="account.sign_in_failed").exists()


@pytest.mark.django_db
def test_failed_sign_ins_are_throttled(make_user, settings):
    make_user(Role.BOARD_MEMBER, username="bernard")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/sign-in/", {"username": "bernard", "password": "wrong"})
    locked = client.post("/accounts/sign-in/", {"username": "bernard", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_out_needs_post_and_ends_the_session(make_user):
    client = client_for(make_user(Role.BOARD_MEMBER))
    assert client.get("/accounts/sign-out/").status_code == 405
    assert client.post("/accounts/sign-out/").status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_session_cookie_settings(settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


@pytest.mark.django_db
def test_the_idle_timeout_slides_without_a_write_on_every_request(make_user, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore

    from lineofsight.accounts import middleware

    client = client_for(make_user(Role.BOARD_MEMBER))
    clock = [1_900_000_000.0]
    monkeypatch.setattr(middleware.time, "time", lambda: clock[0])
    client.get("/")  # the first request after signing in extends the session
    saves: list[str] = []
    original = SessionStore.save

    def counting_save(self: SessionStore, must_create: bool = False) -> None:
        saves.append(self.session_key or "")
        original(self, must_create)

    monkeypatch.setattr(SessionStore, "save", counting_save)
    clock[0] += 30
    client.get("/")
    client.get("/actions/")
    assert saves == []  # within the refresh interval: no database write
    clock[0] += 31
    client.get("/")
    assert len(saves) == 1  # a minute on: the idle timeout restarts, with one write
