"""Staff sessions end when idle and after a fixed time; readers never get one."""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from withdrawal_site.accounts.middleware import AUTH_AT_KEY, SEEN_AT_KEY

pytestmark = pytest.mark.django_db


def age_session(client, *, auth_ago: int, seen_ago: int) -> None:
    import time

    session = client.session
    now = int(time.time())
    session[AUTH_AT_KEY] = now - auth_ago
    session[SEEN_AT_KEY] = now - seen_ago
    session.save()


def test_an_active_staff_session_carries_on(editor_client):
    age_session(editor_client, auth_ago=3 * 3600, seen_ago=20 * 60)
    assert editor_client.get("/moderation/").status_code == 200
    assert editor_client.get("/moderation/").status_code == 200  # "last seen" moved on


def test_a_staff_session_ends_after_thirty_idle_minutes(editor_client, caplog):
    age_session(editor_client, auth_ago=3600, seen_ago=31 * 60)
    response = editor_client.get("/moderation/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in editor_client.session
    assert any(getattr(r, "event", "") == "session_expired" and r.reason == "idle" for r in caplog.records)


def test_a_staff_session_ends_twelve_hours_after_sign_in_however_busy(editor_client):
    age_session(editor_client, auth_ago=12 * 3600 + 5, seen_ago=1)
    assert editor_client.get("/moderation/").status_code == 302
    assert "_auth_user_id" not in editor_client.session


def test_the_limits_are_the_documented_ones():
    assert django_settings.STAFF_SESSION_IDLE_SECONDS == 30 * 60
    assert django_settings.STAFF_SESSION_ABSOLUTE_SECONDS == 12 * 3600
    assert django_settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_a_session_without_a_recorded_start_is_ended(client, editor):
    client.force_login(editor)
    session = client.session
    del session[AUTH_AT_KEY]
    session.save()
    client.get(reverse("home"))
    assert "_auth_user_id" not in client.session


ANONYMOUS_PAGES = [
    "/",
    "/about/",
    "/privacy/",
    "/accounts/login/",
    "/search/?q=taper",
    "/articles/",
    "/crisis/",
    "/support/",
    "/drugs/",
    "/tapering/",
    "/tapering/planner/",
    "/tips/",
    "/contribute/",
    "/contribute/tip/",
    "/sitemap.xml",
    "/robots.txt",
    "/feeds/articles/",
]


def test_no_anonymous_page_sets_a_session_cookie(client, settings):
    for path in ANONYMOUS_PAGES:
        response = client.get(path)
        assert response.status_code < 500, path
        assert settings.SESSION_COOKIE_NAME not in response.cookies, path
    # The contribution form posts without a session too.
    response = client.post("/contribute/tip/", {"title": ""})
    assert settings.SESSION_COOKIE_NAME not in response.cookies
