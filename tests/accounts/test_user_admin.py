"""Admins manage editor accounts only: the matrix of their user-management rights.

Every row signs in as a real Admins member (staff, not a superuser) and POSTs
forged fields straight at the admin, as an attacker would, then checks the
database, not just the status code.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.conftest import verified_login
from tests.factories import AdminFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-password-456"


@pytest.fixture
def other_admin(db):
    return AdminFactory(username="admin2", email="a2@example.org")


@pytest.fixture
def targets(site_admin, editor, other_admin, superuser):
    return {"self": site_admin, "editor": editor, "other admin": other_admin, "superuser": superuser}


def change_url(user) -> str:
    return reverse("admin:auth_user_change", args=[user.pk])


def password_url(user) -> str:
    return reverse("admin:auth_user_password_change", args=[user.pk])


def forged_change(user, **extra) -> dict:
    """Everything the stock form would take, plus the fields an Admin must never set."""
    return {
        "username": user.username,
        "first_name": "Forged",
        "last_name": "",
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [Group.objects.get(name="Admins").pk],
        "user_permissions": [Permission.objects.get(codename="delete_user").pk],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        **extra,
    }


def snapshot(user) -> tuple:
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        user.is_active,
        user.first_name,
        user.password,
        sorted(user.groups.values_list("name", flat=True)),
        sorted(user.user_permissions.values_list("codename", flat=True)),
    )


@pytest.mark.parametrize("who", ["self", "editor", "other admin", "superuser"])
def test_admin_cannot_raise_flags_groups_or_permissions_by_a_forged_change_post(admin_client_, targets, who):
    target = targets[who]
    before = snapshot(target)
    response = admin_client_.post(change_url(target), forged_change(target))
    assert response.status_code in (200, 302, 403, 404)
    after = snapshot(target)
    # Nothing that grants power changed, whoever the target.
    assert after[0] == before[0] and after[5] == before[5] and after[6] == before[6]
    if who != "editor":
        assert after == before, f"an Admin changed {who}"


def test_admin_cannot_even_open_their_own_or_a_higher_accounts_change_form_for_writing(
    admin_client_, targets
):
    assert admin_client_.post(change_url(targets["self"]), forged_change(targets["self"])).status_code == 403
    for who in ("other admin", "superuser"):
        response = admin_client_.get(change_url(targets[who]))
        assert response.status_code == 302  # "does not exist" in the Admin's view of users
        assert admin_client_.post(change_url(targets[who]), forged_change(targets[who])).status_code == 302


def test_forging_the_admins_group_onto_an_editor_is_a_form_error(admin_client_, editor):
    response = admin_client_.post(change_url(editor), forged_change(editor))
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert snapshot(editor)[5] == ["Editors"]


def test_the_superuser_flag_and_user_permissions_are_ignored_even_in_an_otherwise_valid_post(
    admin_client_, editor
):
    data = forged_change(editor, groups=[Group.objects.get(name="Editors").pk])
    response = admin_client_.post(change_url(editor), data)
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.first_name == "Forged"  # the allowed part went through
    assert not editor.is_superuser
    assert not editor.user_permissions.exists()
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]


def test_the_change_form_shows_an_admin_no_superuser_or_permission_fields(admin_client_, editor):
    html = admin_client_.get(change_url(editor)).content.decode()
    assert 'name="is_staff"' in html and 'name="groups"' in html
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html
    assert ">Admins<" not in html


@pytest.mark.parametrize("who", ["self", "other admin", "superuser"])
def test_admin_cannot_set_the_password_of_themselves_another_admin_or_a_superuser(
    admin_client_, targets, who
):
    target = targets[who]
    before = snapshot(target)
    assert admin_client_.get(password_url(target)).status_code in (403, 404)
    data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    assert admin_client_.post(password_url(target), data).status_code in (403, 404)
    assert snapshot(target) == before


def test_admin_resets_an_editors_password(admin_client_, editor, client):
    data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    assert admin_client_.post(password_url(editor), data).status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)


def test_admin_deactivates_an_editor_and_removes_them_from_editors(admin_client_, editor):
    data = forged_change(editor, groups=[])
    del data["is_active"]
    assert admin_client_.post(change_url(editor), data).status_code == 302
    editor.refresh_from_db()
    assert not editor.is_active
    assert not editor.groups.exists()


def test_admin_creates_an_editor_account(admin_client_, django_user_model):
    data = {"username": "newvolunteer", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data["usable_password"] = "true"
    response = admin_client_.post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user = django_user_model.objects.get(username="newvolunteer")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]


def test_admin_sees_editors_but_not_other_admins_or_superusers_in_the_list(admin_client_, targets):
    html = admin_client_.get(reverse("admin:auth_user_changelist")).content.decode()
    assert change_url(targets["editor"]) in html
    assert change_url(targets["other admin"]) not in html
    assert change_url(targets["superuser"]) not in html


def test_bulk_actions_cannot_reach_admins_or_superusers(admin_client_, targets):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for who in ("other admin", "superuser"):
        TOTPDevice.objects.create(user=targets[who], name="phone", confirmed=True)
    response = admin_client_.post(
        reverse("admin:auth_user_changelist"),
        {
            "action": "reset_two_factor",
            "_selected_action": [user.pk for user in targets.values()],
        },
    )
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=targets["other admin"]).exists()
    assert TOTPDevice.objects.filter(user=targets["superuser"]).exists()
    assert TOTPDevice.objects.filter(user=targets["self"]).exists()  # the Admin's own, from signing in
    assert not TOTPDevice.objects.filter(user=targets["editor"]).exists()


def test_editors_have_no_user_admin_at_all(editor_client, site_admin):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.post(change_url(site_admin), forged_change(site_admin)).status_code == 403


def test_superuser_keeps_full_power(client, superuser, editor):
    verified_login(client, superuser)
    data = forged_change(editor, last_login_0="", last_login_1="")
    response = client.post(change_url(editor), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    editor.refresh_from_db()
    assert editor.is_superuser
    assert editor.groups.filter(name="Admins").exists()
    assert editor.user_permissions.filter(codename="delete_user").exists()
