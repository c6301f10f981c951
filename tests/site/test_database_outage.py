"""While the database is down: the calm 503 page, never a 500, for editors too.

The outage is simulated on the test's own connection: every query raises the
OperationalError a refused connection gives (and so does the reachability probe).
"""

import contextlib

import pytest
from django.db import OperationalError, connection
from django.test import Client
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def _refuse(execute, sql, params, many, context):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@contextlib.contextmanager
def database_down():
    with connection.execute_wrapper(_refuse):
        yield


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def assert_calm_503(response):
    assert response.status_code == 503
    assertContains(response, "briefly unavailable", status_code=503)
    assertContains(response, 'href="/crisis/"', status_code=503)
    assert response["Retry-After"]


@pytest.mark.parametrize(
    "path", ["/moderation/", "/moderation/1/", "/admin/", "/admin/moderation/submission/"]
)
def test_editor_pages_answer_503_while_the_database_is_down(editor, path):
    client = signed_in(editor)
    with database_down():
        response = client.get(path)
    assert_calm_503(response)


@pytest.mark.parametrize("path", ["/moderation/", "/admin/"])
def test_anonymous_editor_pages_answer_503_while_the_database_is_down(path):
    with database_down():
        response = Client(raise_request_exception=False).get(path)
    assert response.status_code in {302, 503}
    assert response.status_code != 500


def test_an_editors_decision_posted_during_the_outage_gets_503(editor):
    client = signed_in(editor)
    with database_down():
        response = client.post("/moderation/1/", {"action": "approve", "reason": "ok"})
    assert_calm_503(response)


def test_admin_sign_in_during_the_outage_gets_503():
    with database_down():
        response = Client(raise_request_exception=False).post(
            "/admin/login/", {"username": "editor", "password": "whatever"}
        )
    assert response.status_code == 503


def test_a_signed_in_users_404_does_not_500_while_the_database_is_down(contributor):
    client = signed_in(contributor)
    with database_down():
        response = client.get("/no-such-page/")
    # Two-factor middleware loads the signed-in user before URL resolution, so the outage can be
    # met before the 404: either calm answer is right, a 500 never is.
    assert response.status_code in (404, 503)
    assertContains(response, 'href="/crisis/"', status_code=response.status_code)


def test_a_signed_in_users_404_still_shows_the_full_page_when_the_database_is_up(contributor):
    client = signed_in(contributor)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assertContains(response, "Signed in as", status_code=404)


def test_the_error_handler_itself_needs_no_database(contributor):
    # A view fails with an unrelated bug while the database is also gone: a 500
    # page that still renders (no session, no query), with the crisis link.
    client = signed_in(contributor)
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503  # healthz says so itself


class SessionSaveFailsMiddleware:
    """Stands in for SessionMiddleware saving a session while the database is gone:
    an error raised in a middleware, after the view, that process_exception never sees."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        with database_down(), connection.cursor() as cursor:
            cursor.execute("UPDATE django_session SET expire_date = expire_date")
        return response


def test_a_database_error_raised_in_a_middleware_gives_503_not_500(settings, contributor):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.site.test_database_outage.SessionSaveFailsMiddleware"]
    client = signed_in(contributor)
    with database_down():
        response = client.get("/about/")
    assert_calm_503(response)


def test_a_real_bug_in_a_middleware_is_still_a_500(settings, monkeypatch):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.site.test_database_outage.SessionSaveFailsMiddleware"]
    # The database answers the probe, so the OperationalError is a bug, not an outage.
    monkeypatch.setattr("withdrawal_site.middleware.database_is_reachable", lambda: True)
    response = Client(raise_request_exception=False).get("/about/")
    assert response.status_code == 500
    assertContains(response, "Something went wrong on our side", status_code=500)
    assertContains(response, 'href="/crisis/"', status_code=500)


@pytest.fixture
def real_refusal(monkeypatch):
    """The real thing on PostgreSQL: the connection is re-pointed at a closed port."""
    if connection.vendor != "postgresql":
        pytest.skip("re-pointing the connection needs PostgreSQL (SQLite's test database is in memory)")

    @contextlib.contextmanager
    def refused():
        connection.close()
        monkeypatch.setitem(connection.settings_dict, "PORT", "1")
        monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        try:
            yield
        finally:
            monkeypatch.undo()
            connection.close()

    return refused


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("path", ["/moderation/", "/admin/", "/about/", "/no-such-page/"])
def test_a_refused_postgresql_gives_calm_pages_to_a_signed_in_editor(real_refusal, editor, path):
    client = signed_in(editor)
    with real_refusal():
        response = client.get(path)
    assert response.status_code in {404, 503}, response.status_code
    assertContains(response, 'href="/crisis/"', status_code=response.status_code)


@pytest.mark.postgres
def test_a_statement_cut_by_the_timeout_gives_the_calm_503_not_500(editor):
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    client = signed_in(editor)
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 50")

    def too_slow(execute, sql, params, many, context):
        return execute("SELECT pg_sleep(1)", None, False, context)

    with connection.execute_wrapper(too_slow):
        response = client.get("/support/")
    assert_calm_503(response)
