"""Which country a visitor is in, as far as the site may know it without tracking them.

The crisis page, the urgent-help signs and (later) the directory show numbers
for one country first. We never look up the address: the country is the one
the visitor chose (a plain link such as `/crisis/?country=GB`, remembered in a
cookie), else the region of their browser's preferred language (en-GB -> GB),
else unknown, and the page asks. Pure functions of the request, no database,
so the outage page can use them too.
"""

from collections.abc import Collection

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation.trans_real import parse_accept_lang_header

COOKIE_NAME = "wc_country"
QUERY_PARAMETER = "country"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

# A bare language (no region) points to one country only where that is nearly always true
# among the countries we have crisis data for.
LANGUAGE_COUNTRY = {"pl": "PL", "es": "ES"}


def clean_country(value: str | None, supported: Collection[str]) -> str | None:
    """`value` as an upper-case code if it is one of `supported`, else None (bad input is ignored)."""
    code = (value or "").strip().upper()
    return code if code and code in supported else None


def country_from_accept_language(header: str | None, supported: Collection[str]) -> str | None:
    """The region of the browser's preferred language, if we have data for it.

    Only the first (preferred) language counts, with its regional variants:
    "en,en-GB" -> GB and "pl" -> PL, but "de-DE,en-US" -> None, because a German
    browser that also accepts American English says nothing about being in the US.
    """
    try:
        tags = [tag for tag, _quality in parse_accept_lang_header(header or "") if tag != "*"]
    except ValueError:
        return None
    if not tags:
        return None
    primary = tags[0].replace("_", "-").split("-")[0]
    for tag in tags:
        language, _, rest = tag.replace("_", "-").partition("-")
        if language != primary:
            continue
        # A region subtag is two letters (GB) or three digits (419, Latin America): either decides.
        region = next(
            (
                part
                for part in rest.split("-")
                if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())
            ),
            "",
        )
        if region:
            return clean_country(region, supported) if region.isalpha() else None
    return clean_country(LANGUAGE_COUNTRY.get(primary), supported)


def chosen_country(request: HttpRequest, supported: Collection[str]) -> str | None:
    """The country the visitor picked: on this request (`?country=`), else remembered in the cookie."""
    return clean_country(request.GET.get(QUERY_PARAMETER), supported) or clean_country(
        request.COOKIES.get(COOKIE_NAME), supported
    )


def visitor_country(request: HttpRequest, supported: Collection[str]) -> str | None:
    """The visitor's choice, else their browser's region, else None (then ask them)."""
    return chosen_country(request, supported) or country_from_accept_language(
        request.headers.get("Accept-Language"), supported
    )


def remember_choice(request: HttpRequest, response: HttpResponse, supported: Collection[str]) -> None:
    """Keep a country picked with `?country=XX` in the cookie, so the next visit opens on it."""
    code = clean_country(request.GET.get(QUERY_PARAMETER), supported)
    if code and request.COOKIES.get(COOKIE_NAME) != code:
        response.set_cookie(
            COOKIE_NAME,
            code,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
        )
