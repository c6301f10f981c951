import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_staff_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Admins"}


def test_login_page_is_our_own_styled_page(client):
    response = client.get(reverse("accounts:login"))
    assertContains(response, "For volunteer editors and admins")
    assertContains(response, 'for="id_username"')
    assertContains(response, "In crisis? Get help now")


def test_editor_signs_in_and_out(client, editor):
    response = client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assertContains(client.get(reverse("home")), "Signed in as editor")
    response = client.post(reverse("accounts:logout"))
    assertContains(response, "You have signed out")
    assert "_auth_user_id" not in client.session


def test_wrong_password_shows_an_error_and_keeps_the_username(client, editor):
    response = client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assertContains(response, "Please enter a correct username and password")
    assertContains(response, 'value="editor"')


def test_failed_logins_are_throttled_per_username(client, editor, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    # Even the right password is refused until the window passes.
    response = client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    assertContains(response, "Too many failed sign-in attempts", status_code=429)
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_throttled_per_client_across_usernames(client, settings):
    settings.LOGIN_THROTTLE_CLIENT_ATTEMPTS = 3
    for name in ("a", "b", "c"):
        client.post(reverse("accounts:login"), {"username": name, "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "d", "password": "wrong"})
    assert response.status_code == 429


def test_bad_login_input_never_errors(client):
    for data in ({}, {"username": "x" * 5000, "password": "y"}, {"username": "\x00", "password": "\x00"}):
        assert client.post(reverse("accounts:login"), data).status_code in (200, 429)


def test_logout_by_get_is_refused(client, editor):
    client.force_login(editor)
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_the_admin_login_page_is_throttled_too(client, site_admin, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for _ in range(3):
        client.post(reverse("admin:login"), {"username": "siteadmin", "password": "wrong"})
    response = client.post(
        reverse("admin:login"), {"username": "siteadmin", "password": PASSWORD, "next": "/admin/"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200  # the admin's form, with its usual error


def test_failures_on_either_login_page_count_together(client, editor, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    client.post(reverse("admin:login"), {"username": "editor", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "editor", "password": "wrong"})
    client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429


def test_a_successful_sign_in_forgets_earlier_failures(client, editor, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD})
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302


def test_nobody_can_lock_an_editor_out_by_failing_from_other_addresses(client, editor, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        for _ in range(3):
            client.post(
                reverse("accounts:login"), {"username": "editor", "password": "wrong"}, REMOTE_ADDR=address
            )
    # The attacker's own address is refused...
    refused = client.post(
        reverse("accounts:login"), {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="198.51.100.1"
    )
    assert refused.status_code == 429
    # ...but the editor, from their own address, signs in.
    response = client.post(
        reverse("accounts:login"), {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_many_failures_against_one_username_raise_an_alert(client, editor, settings, caplog):
    settings.LOGIN_THROTTLE_USERNAME_ALERT = 4
    for number in range(4):
        client.post(
            reverse("accounts:login"),
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR=f"192.0.2.{number}",
        )
    assert [r for r in caplog.records if getattr(r, "event", "") == "login_username_targeted"]
