"""Two-factor sign-in for staff: enrolling an authenticator app, recovery codes, verifying.

Built on django-otp's TOTP and static (recovery code) devices. Verifying goes
through the devices' own checks, so django-otp's per-device throttling (a
growing delay after each wrong code) applies.
"""

import base64
import io
from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery codes"


def pending_totp_device(*, user) -> TOTPDevice:
    """The unconfirmed device being enrolled (one per user), created on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The base32 secret, grouped in fours to type into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """An SVG QR code of the otpauth URI, as a data: URI (the CSP allows data: images)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@transaction.atomic
def confirm_totp_device(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the enrolment if `token` is right; returns fresh recovery codes, or None."""
    token = (token or "").strip().replace(" ", "")
    if not token.isdigit() or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return replace_recovery_codes(user=device.user)


@transaction.atomic
def replace_recovery_codes(*, user) -> list[str]:
    """New single-use recovery codes; the old ones stop working. Shown once, stored as given."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.OTP_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify_second_factor(*, user, token: str):
    """The device that accepts `token` (an app code or a recovery code), or None."""
    token = (token or "").strip().replace(" ", "").lower()
    if not token or len(token) > 16:
        return None
    model = TOTPDevice if token.isdigit() else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(token):
                return device
    return None
