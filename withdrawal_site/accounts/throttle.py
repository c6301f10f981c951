"""Slowing down password guessing on every sign-in path.

Counting and refusing happen where Django authenticates (a backend and the
login signals), not in one view, so the admin's own login page is throttled
exactly like /accounts/login/. Counts live in the shared cache, per username
and per client (a keyed hash of the address).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from withdrawal_site import ratelimit

SCOPE = "login"


def _limits(request: HttpRequest | None, username: str | None) -> list[tuple[str, int]]:
    """(identity, allowed failures) pairs for this attempt."""
    limits = [(f"user:{(username or '').strip().lower()}", settings.LOGIN_THROTTLE_ATTEMPTS)]
    if request is not None:
        limits.append((f"client:{ratelimit.client_hash(request)}", settings.LOGIN_THROTTLE_CLIENT_ATTEMPTS))
    return limits


def is_throttled(request: HttpRequest | None, username: str | None) -> bool:
    return any(
        ratelimit.is_limited(scope=SCOPE, identity=identity, limit=limit)
        for identity, limit in _limits(request, username)
    )


def record_failure(request: HttpRequest | None, username: str | None) -> None:
    # A success never clears the client's count: signing in to one's own
    # account between guesses must not reset it.
    for identity, _limit in _limits(request, username):
        ratelimit.record_hit(scope=SCOPE, identity=identity, window_seconds=settings.LOGIN_THROTTLE_WINDOW)


def forget_failures(username: str) -> None:
    ratelimit.reset(scope=SCOPE, identity=_limits(None, username)[0][0])


class ThrottledModelBackend(ModelBackend):
    """The usual backend, refusing while a username or client is throttled.

    PermissionDenied stops every backend, so even the right password is
    refused until the window passes.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if is_throttled(request, username):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


def on_login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    record_failure(request, credentials.get("username") or credentials.get(get_user_model().USERNAME_FIELD))


def on_logged_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    forget_failures(user.get_username())
