"""Whole-page cache for anonymous readers, shared by every app server.

Almost everyone who reads this site is anonymous and sees the same page, so a
rendered page is kept in the shared cache (Redis when REDIS_URL is set) and
served again before the session, locale, CSRF and auth middleware or the
database are touched. When a news story sends thousands of people here at
once, the server answers most of them from memory.

Three rules keep it safe:

* Nothing personal is stored or served. A request with a session cookie, a
  messages cookie or an Authorization header is never answered from the
  cache; a response is stored only if it is a 200 for an anonymous visitor
  that sets no cookie, used no CSRF token and does not say private/no-store.
  Private areas (admin, moderation, contribute and its status links, sign-in,
  journal) are refused by path before anything else.
* Never stale. Every key contains a "content generation" token kept in the
  shared cache; any write to a table of an app that feeds public pages
  replaces the token (at once and again on commit), so every server stops
  using every old page at the same moment. Translation catalogues and
  the static manifest are part of the key, so a deploy never serves pages
  built from old strings or old asset names.
* Fail soft. Any cache error counts as a miss and the page is rendered as usual.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from functools import lru_cache
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from withdrawal_site import languages

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"

# Paths that are personal or private however the response looks. Checked first,
# so these requests never even read the cache.
PRIVATE_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/moderation/",
    "/contribute/",
    "/journal/",
    "/notice/",
    "/healthz",
)

# Query parameters some public page reads. Anything else in the query string
# means the request is not cached at all, so random parameters cannot fill
# the cache or split it into useless copies.
KNOWN_QUERY_PARAMETERS = frozenset(
    {
        # paging and filters of the lists, the directory and search
        "page",
        "tag",
        "q",
        "type",
        "drug_class",
        "country",
        "language",
        # the planner and its downloads
        "start_dose",
        "cut_percent",
        "days_per_step",
        "stop_below",
        "start_date",
        "drug",
        "liquid_mg",
        "liquid_ml",
        "syringe",
        "hold_steps",
        "formulations",
        "tolerance_percent",
        "given_steps",
        "weeks",
        "end_dose",
        "acknowledged",
        "format",
    }
)
# The answer changes with the clock, not with the content: always rendered fresh.
TIME_DEPENDENT_QUERY_PARAMETERS = frozenset({"open_now"})

# Apps whose models feed public pages. Any write to a table of theirs (including
# models added later) invalidates every page.
DEFAULT_INVALIDATING_APPS = (
    "articles",
    "resources",
    "charities",
    "moderation",
    "disclaimers",
    "taggit",
    "taxonomy",
    "search",
    "withdrawal_site",
)


def _setting(name: str, default):
    return getattr(settings, name, default)


def _cache():
    return caches[_setting("PAGE_CACHE_ALIAS", "default")]


def is_enabled() -> bool:
    return bool(_setting("PAGE_CACHE_ENABLED", True))


def visitor_country(request: HttpRequest) -> str:
    """Every country input that can change a page, for the key (no database, no session).

    The pages resolve the country with withdrawal_site.visitor_country against the
    countries they have crisis data for. Resolving here against every country code
    instead can only split keys more finely, never merge two different pages: the
    choice (cookie) and the browser's region are both kept, as the page may use
    either.
    """
    from charities.validation import COUNTRY_CODES as COUNTRIES
    from withdrawal_site import visitor_country as country

    chosen = country.clean_country(request.COOKIES.get(country.COOKIE_NAME), COUNTRIES) or ""
    browser = country.country_from_accept_language(request.headers.get("Accept-Language"), COUNTRIES) or ""
    return f"{chosen}/{browser}"


@lru_cache(maxsize=1)
def deploy_version() -> str:
    """Changes when translations, the static manifest or PAGE_CACHE_VERSION change.

    Catalogues are read once per process, so a translation update only shows
    after a restart; this is computed once per process too, which matches.
    """
    parts = [str(_setting("PAGE_CACHE_VERSION", ""))]
    for locale_path in settings.LOCALE_PATHS:
        for mo_file in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.mo")):
            parts.append(f"{mo_file}:{mo_file.stat().st_mtime_ns}")
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        parts.append(f"manifest:{manifest.stat().st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def lookup(key: str) -> tuple[str, dict | None]:
    """The content generation token and the stored page, in one round trip.

    A stored page counts only if it was rendered under the current token (the
    token read before rendering began, so a change during rendering is never
    hidden). If the cache lost the token a fresh one is made: it never falls
    back to a constant, so pages stored under an old token cannot come back.
    """
    cache = _cache()
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            raise RuntimeError("page cache generation cannot be stored")
        return generation, None
    stored = found.get(key)
    if stored is not None and stored.get("generation") != generation:
        stored = None
    return generation, stored


def bump_generation() -> None:
    """Make every cached page on every server out of date."""
    try:
        _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # a cache outage must never break a save
        logger.warning("Could not invalidate the page cache", exc_info=True)


WRITE_STATEMENT = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE
)


def invalidating_apps() -> frozenset[str]:
    return frozenset(_setting("PAGE_CACHE_INVALIDATING_APPS", DEFAULT_INVALIDATING_APPS))


@lru_cache(maxsize=1)
def public_tables() -> frozenset[str]:
    """Every table (many-to-many ones included) of the apps that feed public pages."""
    labels = invalidating_apps()
    return frozenset(
        model._meta.db_table
        for model in django_apps.get_models(include_auto_created=True)
        if model._meta.app_label in labels
    )


def _bump_pending_on_commit(connection) -> bool:
    return any(entry[1] is bump_generation for entry in connection.run_on_commit)


def invalidate_on_write(execute, sql, params, many, context):
    """Database execute wrapper: a write to a public table invalidates every page.

    Watching the SQL rather than model signals catches everything: save and
    delete, many-to-many changes, and also queryset update() and bulk_create()
    (directory verification and imports), which send no signals, in any app
    added later. Bumped at once (so the next request in this process, tests
    included, sees it) and once more after commit (so a page rendered between
    the two from data not yet committed cannot live on under the new token).
    """
    result = execute(sql, params, many, context)
    if sql[:1] in "IUDiud" or sql[:1].isspace():
        match = WRITE_STATEMENT.match(sql)
        if match and match.group(1) in public_tables():
            bump_generation()
            connection = context["connection"]
            if connection.in_atomic_block and not _bump_pending_on_commit(connection):
                transaction.on_commit(bump_generation, using=connection.alias, robust=True)
    return result


def watch_connection(sender, connection, **kwargs) -> None:
    if invalidate_on_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(invalidate_on_write)


def connect_signals() -> None:
    connection_created.connect(watch_connection, dispatch_uid="page_cache_watch_connection")
    for connection in connections.all(initialized_only=True):
        watch_connection(None, connection)


def _request_is_cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(PRIVATE_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if _setting("MESSAGES_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    names = set(request.GET.keys())
    return not (names - KNOWN_QUERY_PARAMETERS or names & TIME_DEPENDENT_QUERY_PARAMETERS)


def page_key(request: HttpRequest) -> str:
    """Everything that changes the page for an anonymous visitor, and nothing else.

    The content generation is not in the key but in the stored value (see
    lookup), so a hit costs one round trip to the cache.
    """
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    parts = [
        deploy_version(),
        request.scheme,
        request.get_host(),
        request.path,
        repr(query),
        languages.cache_key_part(request),
        "notice-seen" if settings.NOTICE_COOKIE_NAME in request.COOKIES else "notice-shown",
        visitor_country(request),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"page-cache:page:{digest}"


def _response_is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page carries a CSRF token
        return True
    if response.cookies:
        return True
    cache_control = response.get("Cache-Control", "").lower()
    return "private" in cache_control or "no-store" in cache_control


def _response_is_storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return "no-cache" not in cache_control and "max-age=0" not in cache_control


def _mark_public(response: HttpResponse) -> None:
    if "Cache-Control" not in response:
        patch_cache_control(response, public=True, max_age=_setting("PAGE_CACHE_BROWSER_SECONDS", 60))
    # The page depends on these cookies (language, notice, country) and on the
    # language header: a shared proxy must keep one copy per combination.
    patch_vary_headers(response, ("Cookie", "Accept-Language"))


def _mark_private(response: HttpResponse) -> None:
    patch_cache_control(response, private=True, no_store=True)


def _etag_for(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _serialise(response: HttpResponse, *, generation: str) -> dict:
    headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
    return {
        "generation": generation,
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
    }


def _deserialise(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous pages; adds ETag and Cache-Control to public ones.

    Sits right after the security, static file, CSP and Permissions-Policy
    middleware (so a cached page still gets every security header) and before
    the database check, sessions, locale, CSRF and auth (so a hit costs none of
    them, and cached pages keep being served while the database is down).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_enabled() or not _request_is_cacheable(request):
            return self._finish_uncached(request, self.get_response(request))

        try:
            key = page_key(request)
            generation, stored = lookup(key)
        except DisallowedHost:
            return self.get_response(request)  # Django answers with its own 400
        except Exception:
            logger.warning("Page cache unavailable; rendering the page", exc_info=True)
            key, generation, stored = None, None, None

        if stored is not None:
            response = _deserialise(stored)
            response[HIT_HEADER] = "hit"
            if request.method == "HEAD":
                response.content = b""
            return self._conditional(request, response)

        response = self.get_response(request)
        if _response_is_personal(request, response):
            _mark_private(response)
            return response
        if not _response_is_storable(response):
            return response

        _mark_public(response)
        response["ETag"] = _etag_for(response.content)
        if key is not None and request.method == "GET":
            try:
                stored = _serialise(response, generation=generation)
                _cache().set(key, stored, timeout=_setting("PAGE_CACHE_SECONDS", 600))
            except Exception:
                logger.warning("Could not store a page in the page cache", exc_info=True)
        response[HIT_HEADER] = "miss"
        return self._conditional(request, response)

    @staticmethod
    def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A 304 when the visitor already holds this version of the page."""
        answer = get_conditional_response(request, etag=response.get("ETag"), response=response)
        if answer is not response:
            answer[HIT_HEADER] = response[HIT_HEADER]
        return answer

    def _finish_uncached(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """Pages that are never cached still say whether a proxy may keep them."""
        if getattr(response, "streaming", False):
            return response
        personal = settings.SESSION_COOKIE_NAME in request.COOKIES or _response_is_personal(request, response)
        if personal:
            _mark_private(response)
        return response
