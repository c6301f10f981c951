from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article

from .cache import cache_health
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
