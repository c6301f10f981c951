"""Security events: structured, complete, and never carrying a secret."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ADDRESS = "198.51.100.77"


def events(caplog) -> list:
    return [r for r in caplog.records if r.name == "withdrawal_site.security"]


def named(caplog, event: str) -> list:
    return [r for r in events(caplog) if r.event == event]


def assert_no_secrets(caplog, *secrets: str) -> None:
    for record in events(caplog):
        text = repr(record.__dict__) + record.getMessage()
        for secret in secrets:
            assert secret not in text, f"{secret!r} leaked in {record.event}"


def test_sign_in_failure_and_success_are_logged_with_a_hashed_client(client, editor, caplog):
    caplog.set_level("INFO", logger="withdrawal_site.security")
    client.post(
        reverse("accounts:login"), {"username": "editor", "password": "wrong-guess"}, REMOTE_ADDR=ADDRESS
    )
    client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    failed, succeeded = named(caplog, "login_failed"), named(caplog, "login_succeeded")
    assert failed and succeeded
    assert failed[0].username == "editor" and len(failed[0].client) == 64
    assert succeeded[0].user_id == editor.pk
    assert_no_secrets(caplog, "wrong-guess", PASSWORD, ADDRESS, "e@example.org")


def test_throttling_is_logged(client, editor, settings, caplog):
    settings.LOGIN_THROTTLE_ATTEMPTS = 2
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "editor", "password": "wrong"})
    assert named(caplog, "login_throttled")


def test_two_factor_enrolment_and_failure_are_logged_without_the_code(client, editor, caplog, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.accounts.test_two_factor import current_code

    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(editor)
    client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(user=editor)
    client.post(reverse("accounts:otp_setup"), {"token": "000001"})
    code = current_code(device)
    client.post(reverse("accounts:otp_setup"), {"token": code})
    assert named(caplog, "otp_enrolment_failed") and named(caplog, "otp_enrolled")
    client.post(reverse("accounts:otp_verify"), {"token": "000002"})
    assert named(caplog, "otp_failed")
    assert_no_secrets(caplog, "000001", "000002", device.key)


def test_group_and_permission_changes_are_logged(editor, caplog):
    caplog.set_level("INFO", logger="withdrawal_site.security")
    editor.groups.add(Group.objects.get(name="Admins"))
    permission = Permission.objects.get(codename="delete_user")
    editor.user_permissions.add(permission)
    Group.objects.get(name="Editors").permissions.add(permission)
    assert named(caplog, "groups_changed")[-1].groups == ["Admins"]
    assert named(caplog, "permissions_changed")[-1].permissions == ["auth.delete_user"]
    assert named(caplog, "group_permissions_changed")[-1].groups == ["Editors"]


def test_admin_user_changes_are_logged_with_actor_and_fields_but_no_email(
    admin_client_, editor, site_admin, caplog
):
    caplog.set_level("INFO", logger="withdrawal_site.security")
    data = {
        "username": "editor",
        "first_name": "Eda",
        "last_name": "",
        "email": "new-secret@example.org",
        "is_active": "on",
        "is_staff": "on",
        "groups": [Group.objects.get(name="Editors").pk],
    }
    assert admin_client_.post(reverse("admin:auth_user_change", args=[editor.pk]), data).status_code == 302
    record = named(caplog, "admin_user_changed")[-1]
    assert record.actor_id == site_admin.pk and record.target_user_id == editor.pk
    assert "email" in record.changed and "first_name" in record.changed
    new = "another-long-password-456"
    admin_client_.post(
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        {"password1": new, "password2": new, "usable_password": "true"},
    )
    assert named(caplog, "admin_password_reset")
    assert_no_secrets(caplog, "new-secret@example.org", new, "e@example.org")


def test_unknown_fields_are_dropped_so_a_careless_call_cannot_leak(caplog):
    from withdrawal_site.accounts.security_log import log_event

    log_event("example", email="someone@example.org", password="p", user_id=3)
    record = named(caplog, "example")[0]
    assert record.user_id == 3
    assert not hasattr(record, "email") and not hasattr(record, "password")
