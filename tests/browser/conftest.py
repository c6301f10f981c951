"""Fixtures for the browser tests: one headless Chromium for the whole package, a fresh context per test.

These tests drive Debian's Chromium through Playwright against pytest-django's
`live_server`. Without a browser they are skipped locally, but CI sets
WC_REQUIRE_BROWSER=1 so that a missing browser fails instead of passing quietly.
"""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connections

from withdrawal_site.accounts.roles import EDITORS

CHROMIUM = os.environ.get("WC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_HINT = "install Debian's chromium to run the browser tests (apt-get install chromium)"
EDITOR_PASSWORD = "a-long-browser-test-password-123"


def _browser_missing(message: str):
    """Fail when CI requires the browser, skip otherwise; never pass silently."""
    if os.environ.get("WC_REQUIRE_BROWSER") == "1":
        pytest.fail(f"WC_REQUIRE_BROWSER=1 but the browser tests cannot run. {message}", pytrace=False)
    pytest.skip(message)


def _keep_database_connections(start):
    """Run `start()` and keep using the same database connections afterwards.

    Django keeps connections in an asgiref Local that switches to separate,
    per-context storage while an event loop is running in the thread, and the
    Playwright loop counts as running from its start. Without this the tests
    would get fresh connections, without the test database's serialized
    contents (so serialized rollback would silently restore nothing) and
    never closed (so PostgreSQL could not drop the test database).
    """
    current = {alias: connections[alias] for alias in connections}
    result = start()
    for alias, connection in current.items():
        connections[alias] = connection
    return result


# Package scope rather than session: the Playwright loop stays "running" in the
# main thread until it stops, and the rest of the test session should not run
# with it. All browser tests are transactional, so pytest-django keeps them together.
@pytest.fixture(scope="package")
def browser(django_db_setup):
    try:
        import axe_playwright_python  # noqa: F401  (the axe tests import it when they run)
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _browser_missing(
            f"{error.name} is not installed: pip install -r requirements-dev.txt to run the browser tests"
        )
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _browser_missing(f"Chromium not found at {CHROMIUM}: {CHROMIUM_HINT}")
    # Playwright's sync API runs an asyncio event loop in the main thread, and
    # the loop counts as running from start() to stop(). Django sees it and
    # refuses every ORM call from this thread (SynchronousOnlyOperation), even
    # though the tests' ORM calls never run inside the loop: they are ordinary
    # blocking calls made between browser commands. So the guard is off while
    # the browser is up, and back on for the rest of the test session.
    previous_async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = _keep_database_connections(sync_playwright().start)
    try:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            _browser_missing(
                f"Chromium at {CHROMIUM} did not start ({error.message.splitlines()[0]}): {CHROMIUM_HINT}"
            )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous_async_unsafe is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous_async_unsafe


@pytest.fixture
def context(browser):
    """A fresh browser context (cookies, storage) for each test."""
    browser_context = browser.new_context()
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def demo(transactional_db):
    """The demo content, committed so the live server's thread can read it."""
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def browser_editor(django_user_model, transactional_db):
    user = django_user_model.objects.create_user(
        "browser-editor", "browser-editor@example.org", EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    # Staff sign in with a second factor; `sign_in` types this device's current code.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=user, name="browser authenticator", confirmed=True)
    return user
