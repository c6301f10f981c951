from django.conf import settings


def site(request):
    """What the base layout needs on every page, without a database query."""
    return {
        "show_first_visit_notice": settings.NOTICE_COOKIE_NAME not in request.COOKIES,
    }


def languages(request):
    """The switcher, the hreflang alternates and the suggestion to switch (no database query).

    The suggestion appears only on a first visit (no choice made yet) whose browser
    prefers another offered language than the page's; it is a link, never a redirect.
    """
    from django.utils.translation import get_language

    from withdrawal_site import languages as site_languages

    alternates = site_languages.page_alternates(request)
    suggestion = None
    if alternates and not site_languages.chosen_language(request):
        wanted = site_languages.browser_language(request)
        if wanted and wanted != get_language():
            suggestion = next(item for item in alternates if item["code"] == wanted)
    return {
        "language_alternates": alternates,
        "language_suggestion": suggestion,
        "default_language_url": next((item["url"] for item in alternates if item["code"] == "en"), ""),
    }
