"""Slowing down password guessing on every sign-in path, without letting anyone lock an editor out.

Counting and refusing happen where Django authenticates (a backend and the
login signals), not in one view, so the admin's own login page is throttled
exactly like /accounts/login/. Counts live in the shared cache.

A username is never refused outright: that would let anyone lock a colleague
out by failing with their name from a few addresses. Refusal is per
(username, client) pair and, higher, per client. Failures against one username
from everywhere are only counted, and an alert is logged when they pile up;
the second factor every staff account has is what stops a distributed guess.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from withdrawal_site import ratelimit

from .security_log import log_event

SCOPE = "login"


def _username(username: str | None) -> str:
    return (username or "").strip().lower()


def _pair(request: HttpRequest | None, username: str | None) -> str:
    client = ratelimit.client_hash(request) if request is not None else ""
    return f"pair:{_username(username)}:{client}"


def _refusing_limits(request: HttpRequest | None, username: str | None) -> list[tuple[str, int]]:
    """(identity, allowed failures) pairs that refuse an attempt once used up."""
    limits = [(_pair(request, username), settings.LOGIN_THROTTLE_ATTEMPTS)]
    if request is not None:
        limits.append((f"client:{ratelimit.client_hash(request)}", settings.LOGIN_THROTTLE_CLIENT_ATTEMPTS))
    return limits


def is_throttled(request: HttpRequest | None, username: str | None) -> bool:
    return any(
        ratelimit.is_limited(scope=SCOPE, identity=identity, limit=limit)
        for identity, limit in _refusing_limits(request, username)
    )


def record_failure(request: HttpRequest | None, username: str | None) -> None:
    # A success never clears the client's count: signing in to one's own
    # account between guesses must not reset it.
    window = settings.LOGIN_THROTTLE_WINDOW
    for identity, _limit in _refusing_limits(request, username):
        ratelimit.record_hit(scope=SCOPE, identity=identity, window_seconds=window)
    total = ratelimit.record_hit(scope=SCOPE, identity=f"user:{_username(username)}", window_seconds=window)
    if total == settings.LOGIN_THROTTLE_USERNAME_ALERT:
        log_event("login_username_targeted", request=request, username=username)


def forget_failures(request: HttpRequest | None, username: str) -> None:
    ratelimit.reset(scope=SCOPE, identity=_pair(request, username))


class ThrottledModelBackend(ModelBackend):
    """The usual backend, refusing while this username-and-client pair or this client is throttled.

    PermissionDenied stops every backend, so even the right password is
    refused until the window passes, but only from the throttled client.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if is_throttled(request, username):
            log_event("login_throttled", request=request, username=username)
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


def on_login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    username = credentials.get("username") or credentials.get(get_user_model().USERNAME_FIELD)
    record_failure(request, username)
    log_event("login_failed", request=request, username=username)


def on_logged_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    forget_failures(request, user.get_username())
    log_event("login_succeeded", request=request, username=user.get_username(), user_id=user.pk)
