"""Two-factor sign-in: every staff account, enforced on /admin/ and /moderation/."""

import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertRedirects

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROTECTED = ["/admin/", "/moderation/"]


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


@pytest.fixture
def keeper(django_user_model):
    """An Admins member who is not even is_staff: still staff for two-factor purposes."""
    user = django_user_model.objects.create_user("keeper", "k@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Admins"))
    return user


@pytest.mark.parametrize("path", PROTECTED)
@pytest.mark.parametrize("who", ["editor", "site_admin", "superuser", "keeper"])
def test_a_password_only_staff_session_is_sent_to_enrol(client, request, who, path):
    client.force_login(request.getfixturevalue(who))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
    assert "next=" in response["Location"]


@pytest.mark.parametrize("path", PROTECTED)
def test_a_password_only_session_with_a_device_is_sent_to_verify(client, editor, path):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.get(path + "?x=1")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:otp_verify')}?next={path.replace('/', '%2F')}%3Fx%3D1"


def test_posts_to_protected_pages_are_refused_without_the_second_factor_too(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.post(reverse("admin:articles_article_add"), {"title": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_verify"))


@pytest.mark.parametrize("path", PROTECTED)
def test_verified_staff_reach_the_protected_pages(editor_client, path):
    assert editor_client.get(path).status_code == 200


def test_non_staff_and_anonymous_are_not_asked_for_a_second_factor(client, contributor):
    assert client.get("/moderation/")["Location"].startswith(reverse("accounts:login"))
    client.force_login(contributor)
    assert client.get("/moderation/").status_code in (302, 403)
    assert not client.get("/moderation/").get("Location", "").startswith("/accounts/two-factor")
    assert client.get(reverse("home")).status_code == 200


def test_enrolment_shows_a_qr_code_and_the_secret_then_confirms_with_a_code(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person takes longer than the 1 s delay between tries
    client.force_login(editor)
    response = client.get(reverse("accounts:otp_setup") + "?next=/moderation/")
    assertContains(response, 'src="data:image/svg+xml;base64,')
    assertContains(response, "otpauth://totp/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post(reverse("accounts:otp_setup"), {"token": "000000", "next": "/moderation/"})
    assert wrong.status_code == 400
    assertContains(wrong, "did not match", status_code=400)
    response = client.post(
        reverse("accounts:otp_setup"), {"token": current_code(device), "next": "/moderation/"}
    )
    assertContains(response, "Your recovery codes")
    device.refresh_from_db()
    assert device.confirmed
    codes = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10
    for code in codes:
        assertContains(response, code)
    assert client.get("/moderation/").status_code == 200


def test_a_password_alone_cannot_replace_an_enrolled_device(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.get(reverse("accounts:otp_setup"))
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()


def test_verify_with_the_app_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.post(
        reverse("accounts:otp_verify"), {"token": current_code(device), "next": "/moderation/"}
    )
    assertRedirects(response, "/moderation/", fetch_redirect_response=False)
    assert client.get("/moderation/").status_code == 200


def test_a_recovery_code_works_once(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    static = StaticDevice.objects.create(user=editor, name="recovery codes", confirmed=True)
    static.token_set.create(token="abcd2345")
    client.force_login(editor)
    assert client.post(reverse("accounts:otp_verify"), {"token": "abcd2345"}).status_code == 302
    client.post(reverse("accounts:logout"))
    client.force_login(editor)
    response = client.post(reverse("accounts:otp_verify"), {"token": "abcd2345"})
    assert response.status_code == 400
    assert client.get("/moderation/").status_code == 302


def test_wrong_codes_are_refused_and_throttled(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    for token in ("123456", "654321", "x", "", "9" * 40):
        assert client.post(reverse("accounts:otp_verify"), {"token": token}).status_code == 400
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1
    # While throttled even the right code is refused.
    assert client.post(reverse("accounts:otp_verify"), {"token": current_code(device)}).status_code == 400


def test_verify_never_redirects_off_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.post(
        reverse("accounts:otp_verify"), {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_signing_in_with_a_password_leads_staff_to_the_second_factor(client, editor):
    response = client.post(
        reverse("accounts:login") + "?next=/moderation/", {"username": "editor", "password": PASSWORD}
    )
    assert response["Location"] == f"{reverse('accounts:otp_setup')}?next=%2Fmoderation%2F"
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:login"), {"username": "editor", "password": PASSWORD})
    assert response["Location"].startswith(reverse("accounts:otp_verify"))


def test_recovery_codes_can_be_replaced_only_by_a_verified_session(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    assert client.post(reverse("accounts:recovery_codes")).status_code == 403


def test_replacing_recovery_codes(editor_client, editor):
    response = editor_client.post(reverse("accounts:recovery_codes"))
    assertContains(response, "Your recovery codes")
    assert StaticToken.objects.filter(device__user=editor).count() == 10


def test_two_factor_pages_are_for_staff_only(client, contributor):
    assert client.get(reverse("accounts:otp_setup"))["Location"].startswith(reverse("accounts:login"))
    client.force_login(contributor)
    assert client.get(reverse("accounts:otp_setup")).status_code == 403
    assert client.get(reverse("accounts:otp_verify")).status_code == 403


def test_the_admins_own_logout_works_before_the_second_factor(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_two_factor_pages_and_recovery_codes_are_never_cached(editor_client, client, second_editor):
    response = editor_client.post(reverse("accounts:recovery_codes"))
    assert "no-store" in response["Cache-Control"]
    client.force_login(second_editor)
    assert "no-store" in client.get(reverse("accounts:otp_setup"))["Cache-Control"]
