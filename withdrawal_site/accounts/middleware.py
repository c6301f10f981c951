"""Staff sessions: bounded in time, and behind a second factor where it matters.

Readers never sign in, so every session here belongs to someone who signed in.
It ends after STAFF_SESSION_IDLE_SECONDS without a request and
STAFF_SESSION_ABSOLUTE_SECONDS after sign-in, so a phone left unlocked or a
stolen cookie does not stay useful for days. On the admin and the moderation
queue a staff session must also have passed its second factor.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from .security_log import log_event

AUTH_AT_KEY = "_wc_auth_at"
SEEN_AT_KEY = "_wc_seen_at"
# Refreshing "last seen" on every request would write the session every time;
# once a minute is precise enough for a 30-minute timeout.
SEEN_RESOLUTION_SECONDS = 60


def start_session_clock(request: HttpRequest) -> None:
    now = int(time.time())
    request.session[AUTH_AT_KEY] = now
    request.session[SEEN_AT_KEY] = now


def on_logged_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        start_session_clock(request)


def is_staff_member(user) -> bool:
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("moderation.moderate_submission")
    )


def needs_second_factor(request: HttpRequest) -> bool:
    if not request.path.startswith(tuple(settings.OTP_REQUIRED_PATH_PREFIXES)):
        return False
    if request.path == reverse("admin:logout"):
        return False
    user = request.user
    return is_staff_member(user) and not user.is_verified()


def _with_next(url: str, request: HttpRequest) -> str:
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


class StaffSessionMiddleware:
    """After AuthenticationMiddleware and django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._expired(request)
            if expired:
                log_event("session_expired", request=request, user_id=user.pk, reason=expired)
                logout(request)
                return HttpResponseRedirect(_with_next(reverse("accounts:login"), request))
            if needs_second_factor(request):
                from django_otp import user_has_device

                target = "accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup"
                return HttpResponseRedirect(_with_next(reverse(target), request))
        return self.get_response(request)

    @staticmethod
    def _expired(request: HttpRequest) -> str:
        """Why the session must end ("idle", "absolute"), or "" while it is still good."""
        session = request.session
        now = int(time.time())
        auth_at, seen_at = session.get(AUTH_AT_KEY), session.get(SEEN_AT_KEY)
        if not isinstance(auth_at, int) or not isinstance(seen_at, int):
            return "unknown_start"
        if now - auth_at > settings.STAFF_SESSION_ABSOLUTE_SECONDS:
            return "absolute"
        if now - seen_at > settings.STAFF_SESSION_IDLE_SECONDS:
            return "idle"
        if now - seen_at >= SEEN_RESOLUTION_SECONDS:
            session[SEEN_AT_KEY] = now
        return ""
