from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from .models import DEFAULT_LANGUAGE, Disclaimer, content_language, pick_version


@require_safe
def disclaimer_page(request: HttpRequest) -> HttpResponse:
    """The full disclaimer: the site text first, then each page-type text.

    Each text in the page's language where it exists, else in English (marked so).
    """
    language = content_language(get_language())
    versions = defaultdict(list)
    for version in Disclaimer.objects.filter(language__in={language, DEFAULT_LANGUAGE}):
        versions[version.key].append(version)
    shown = [pick_version(texts, language) for texts in versions.values()]
    disclaimers = sorted(shown, key=lambda d: (d.key != "site", d.key))
    return render(request, "disclaimers/disclaimer.html", {"disclaimers": disclaimers})
