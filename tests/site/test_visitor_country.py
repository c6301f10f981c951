"""The visitor's country: their choice, else the browser's region, else unknown (then the page asks)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from withdrawal_site.visitor_country import (
    COOKIE_NAME,
    clean_country,
    country_from_accept_language,
    remember_choice,
    visitor_country,
)

SUPPORTED = ("GB", "IE", "US", "CA", "AU", "ES", "PL")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-GB,en;q=0.9", "GB"),
        ("en-gb", "GB"),
        ("es-ES,es;q=0.9", "ES"),
        ("pl", "PL"),
        ("pl-PL,pl;q=0.9,en-US;q=0.8", "PL"),
        ("en-US,en;q=0.9", "US"),
        ("en-IE", "IE"),
        ("en,en-GB;q=0.8", "GB"),  # the preferred language's regional variant
        ("fr-CA", "CA"),
        ("en", None),  # English alone says nothing about where
        ("de-DE,de;q=0.9,en-US;q=0.8", None),  # a German browser that also reads English is not in the US
        ("es-MX", None),  # no data for Mexico: never Spain's numbers instead
        ("es-419", None),
        ("zh-Hant-TW", None),
        ("*", None),
        ("", None),
        (None, None),
        ("garbage;;;q=x", None),
        ("en-GB;q=0.1,pl;q=0.9", "PL"),
    ],
)
def test_country_from_accept_language(header, expected):
    assert country_from_accept_language(header, SUPPORTED) == expected


def test_clean_country_accepts_only_supported_codes():
    assert clean_country(" gb ", SUPPORTED) == "GB"
    assert clean_country("DE", SUPPORTED) is None
    assert clean_country("<script>", SUPPORTED) is None
    assert clean_country(None, SUPPORTED) is None


def test_choice_beats_cookie_beats_browser():
    factory = RequestFactory()
    request = factory.get("/crisis/", {"country": "PL"}, HTTP_ACCEPT_LANGUAGE="en-GB")
    request.COOKIES[COOKIE_NAME] = "US"
    assert visitor_country(request, SUPPORTED) == "PL"

    request = factory.get("/crisis/", HTTP_ACCEPT_LANGUAGE="en-GB")
    request.COOKIES[COOKIE_NAME] = "US"
    assert visitor_country(request, SUPPORTED) == "US"

    request = factory.get("/crisis/", {"country": "XX"}, HTTP_ACCEPT_LANGUAGE="en-GB")
    request.COOKIES[COOKIE_NAME] = "ZZ"
    assert visitor_country(request, SUPPORTED) == "GB"

    assert visitor_country(factory.get("/crisis/"), SUPPORTED) is None


def test_a_choice_is_remembered_in_a_cookie_and_a_bad_one_is_not():
    factory = RequestFactory()
    response = HttpResponse()
    remember_choice(factory.get("/crisis/", {"country": "ie"}), response, SUPPORTED)
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "IE" and cookie["samesite"] == "Lax" and cookie["httponly"]

    response = HttpResponse()
    remember_choice(factory.get("/crisis/", {"country": "DE"}), response, SUPPORTED)
    assert COOKIE_NAME not in response.cookies
