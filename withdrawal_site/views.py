import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from articles.models import Article

from .cache import cache_health
from .languages import page_language_first
from .middleware import database_is_reachable, database_unavailable_after, database_unavailable_response

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    latest = page_language_first(Article.objects.published())[:3]
    return render(request, "home.html", {"latest_articles": latest})


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


# No CSRF token, on purpose. The form is on every page; a token there would give
# every anonymous reader a csrftoken cookie and make every page personal, so no
# page could be shared from a cache. This view only sets a harmless preference
# cookie: the worst a forged cross-site POST can do is hide the notice, which
# the full disclaimer page and the footer still cover. It touches no session,
# account or data. Still POST (not a link), so prefetchers and crawlers that
# follow links never dismiss it for someone.
@csrf_exempt
@require_POST
def dismiss_notice(request: HttpRequest) -> HttpResponse:
    """Remember that the visitor has read the first-visit notice.

    A plain form POST, so it works with JavaScript off; back to the same page.
    """
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home")
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.NOTICE_COOKIE_NAME,
        "1",
        max_age=settings.NOTICE_COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


@never_cache
@require_safe
def choose_language(request: HttpRequest, code: str) -> HttpResponse:
    """Remember the visitor's language and go to the page they were on, in that language.

    A plain link (GET), so the switcher works with JavaScript off; it only sets a
    preference cookie, like the notice. An unknown language or a foreign `next`
    never errors: English, or the home page in the chosen language.
    """
    from django.utils import translation

    from . import languages

    if code not in languages.offered_codes():
        code = languages.DEFAULT_LANGUAGE
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        with translation.override(code):
            next_url = reverse("home")
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 503 only when this instance cannot serve (no database).

    A lost shared cache is reported but stays 200: pages still serve without it,
    and taking every instance out of the pool would turn a degraded site into none.
    """
    cache_state = cache_health()
    if not database_is_reachable():
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable", "cache": cache_state}, status=503
        )
    status = "degraded" if cache_state == "down" else "ok"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /moderation/",
        "Disallow: /contribute/status/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# --- Reliability: error handlers that work without the database ---


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The full 404 page; the standalone one if the layout cannot be rendered.

    The layout asks who is signed in, which loads the session from the database:
    during an outage that would turn every signed-in person's 404 into a 500.
    """
    try:
        return render(request, "404.html", status=404)
    except (OperationalError, InterfaceError):
        return HttpResponse(render_to_string("404_standalone.html"), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or the calm 503 page when the error was the database going away.

    DatabaseUnavailableMiddleware only sees exceptions from views; one raised in a
    middleware (saving the session, say) arrives here. Renders with no request
    context, so it needs neither the session nor the database.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError) and database_unavailable_after(error):
        logger.error("Database unavailable: %s", error)
        return database_unavailable_response(request)
    return HttpResponse(render_to_string("500.html"), status=500)
