"""Which crisis lines the journal shows when the latest day was a crisis.

Interim: the visitor's country is read from the region of their browser
language (en-GB -> GB), else every crisis line is shown. The site-wide
"visitor's country" function replaces `visitor_country` when it exists; keep
this the only place the journal decides.
"""

import re

from django.http import HttpRequest

from charities.models import Service

_REGION = re.compile(r"^[a-z]{2,3}-([a-z]{2})$", re.IGNORECASE)


def visitor_country(request: HttpRequest) -> str:
    first = request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(",")[0].split(";")[0].strip()
    match = _REGION.match(first)
    return match.group(1).upper() if match else ""


def crisis_lines_for(request: HttpRequest) -> list[Service]:
    lines = Service.objects.crisis_lines()
    country = visitor_country(request)
    if country:
        local = list(lines.serving_country(country))
        if local:
            return local
    return list(lines)
