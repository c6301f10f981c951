import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Django has no setting for Permissions-Policy; this adds the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def database_is_reachable() -> bool:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except (OperationalError, InterfaceError):
        return False
    return True


def _is_statement_timeout(error: BaseException | None) -> bool:
    # psycopg2 raises QueryCanceled (SQLSTATE 57014) when statement_timeout fires.
    return getattr(error, "pgcode", None) == "57014"


def database_unavailable_after(error: BaseException) -> bool:
    """Whether a database error means "unavailable" (503) rather than a bug (500).

    Answered without a new connection attempt when the error already says so: a
    statement cut by the timeout (too slow to serve), or a connection that is gone.
    During a partition a fresh attempt would cost the request another connect timeout.
    """
    if _is_statement_timeout(error.__cause__):
        return True
    raw = connection.connection
    if raw is None or getattr(raw, "closed", False):
        return True
    return not database_is_reachable()


class DatabaseUnavailableMiddleware:
    """A calm 503 page, not a stack trace, when the database cannot be reached.

    People arrive here in distress; even the outage page keeps the crisis link.
    Other database errors are real bugs and still surface as errors.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if not database_unavailable_after(exception):
            return None
        logger.error("Database unavailable: %s", exception)
        return database_unavailable_response(request)


def database_unavailable_response(request=None) -> HttpResponse:
    """The calm 503 page with the crisis numbers, from the request and the crisis snapshot only.

    It needs no session and no query, so it renders while the database is down.
    """
    from charities.crisis_snapshot import outage_context

    response = HttpResponse(render_to_string("503.html", outage_context(request)), status=503)
    response["Retry-After"] = "60"
    return response
