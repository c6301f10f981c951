"""Small actions the browser tests share."""

from django.urls import reverse

from .conftest import EDITOR_PASSWORD
from .pages import NOT_FOUND_PATH


def goto(page, url: str):
    """Open `url` and insist on HTTP 200 (404 for the deliberately missing page)."""
    response = page.goto(url)
    expected = 404 if url.endswith(NOT_FOUND_PATH) else 200
    assert response is not None and response.status == expected, f"{url}: HTTP {response and response.status}"
    return response


def current_totp_code(user) -> str:
    """The code the user's authenticator app would show now."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def sign_in(page, base_url: str, user) -> None:
    """Sign in through the real login form, as a person would."""
    goto(page, base_url + reverse("accounts:login"))
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.get_by_label("Code").fill(current_totp_code(user))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.get_by_text(f"Signed in as {user.get_username()}").is_visible(), "sign-in failed"
