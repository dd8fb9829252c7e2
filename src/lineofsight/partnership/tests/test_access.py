"""Deny by default: every URL declares its access rule, and undeclared views are refused."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from lineofsight.partnership.access import DenyByDefaultMiddleware, access_of, has_permission
from lineofsight.partnership.roles import PERMISSIONS, Role
from lineofsight.testing.fixtures import client_for


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_view_declares_who_may_reach_it():
    undeclared = [route for route, view in _patterns(get_resolver()) if access_of(view) is None]
    assert undeclared == []


def test_an_undeclared_view_is_refused(rf: RequestFactory):
    def naked_view(request):  # pragma: no cover - never reached
        raise AssertionError("an undeclared view must not run")

    middleware = DenyByDefaultMiddleware(lambda request: HttpResponse())
    request = rf.get("/naked/")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        middleware.process_view(request, naked_view, (), {})


@pytest.mark.django_db
def test_permissions_follow_roles(make_user):
    admin = make_user(Role.PARTNERSHIP_ADMIN)
    lado = make_user(Role.LADO)
    assert has_permission(admin, "audit.view")
    assert not has_permission(lado, "audit.view")
    assert has_permission(lado, "lado.manage")
    assert not has_permission(admin, "lado.manage")


@pytest.mark.django_db
def test_a_user_with_no_role_has_no_permission(outsider):
    assert not any(has_permission(outsider, perm) for perm in PERMISSIONS)


@pytest.mark.django_db
def test_an_inactive_user_has_no_permission(make_user):
    admin = make_user(Role.PARTNERSHIP_ADMIN)
    admin.is_active = False
    assert not has_permission(admin, "audit.view")


def test_an_unknown_permission_is_an_error_not_a_silent_refusal():
    from lineofsight.partnership.access import requires

    with pytest.raises(KeyError, match="Unknown permission"):
        requires("audit.veiw")


@pytest.mark.django_db
def test_home_needs_sign_in(outsider):
    from django.test import Client

    response = Client().get("/")
    assert response.status_code == 302 and "/accounts/sign-in/?next=/" in response["Location"]
    assert client_for(outsider).get("/").status_code == 200


@pytest.mark.django_db
def test_navigation_shows_only_what_the_user_may_open(make_user):
    board = make_user(Role.BOARD_MEMBER)
    body = client_for(board).get("/").content.decode()
    assert "Audit log" not in body
    admin = make_user(Role.PARTNERSHIP_ADMIN)
    assert "Audit log" in client_for(admin).get("/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("status,path", [(404, "/no-such-page/")])
def test_error_pages_are_govuk_pages(outsider, status, path):
    response = client_for(outsider).get(path)
    assert response.status_code == status
    assert "Page not found" in response.content.decode()
    assert 'class="govuk-template' in response.content.decode()


@pytest.mark.django_db
def test_403_page_explains_the_refusal(outsider):
    response = client_for(outsider).get("/audit/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


@pytest.mark.django_db
def test_security_headers(outsider):
    response = client_for(outsider).get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self' 'nonce-" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_role_must_use_two_factor():
    """Every role today reads something personal or confidential (roles.TWO_FACTOR_ROLES): a
    new role is refused here until someone decides, in roles.py, that it sees nothing of it."""
    from lineofsight.partnership.roles import TWO_FACTOR_ROLES, Role

    assert set(Role) - TWO_FACTOR_ROLES == set()
