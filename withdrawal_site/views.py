from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article

from .middleware import database_is_reachable


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"latest_articles": Article.objects.published()[:3]})


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


@require_GET
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
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    if database_is_reachable():
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)


@require_GET
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
