"""Spanish and Polish pages in a real browser: axe, and the crisis numbers first on a phone."""

import pytest
from django.urls import reverse
from django.utils import translation

from resources.models import Drug

from .helpers import goto
from .pages import planner_with_schedule
from .test_axe import axe_failures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def three_languages(settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]


def _pages(code: str) -> list[tuple[str, str]]:
    with translation.override(code):
        return [
            ("home", reverse("home")),
            ("drug", Drug.objects.published().get(slug="sertraline").get_absolute_url()),
            ("planner with a schedule", planner_with_schedule()),
            ("crisis", reverse("charities:crisis")),
            ("crisis, Spain", reverse("charities:crisis") + "?country=ES"),
            ("crisis, Poland", reverse("charities:crisis") + "?country=PL"),
        ]


@pytest.mark.parametrize("code", ["es", "pl"])
def test_spanish_and_polish_pages_have_no_axe_violations(three_languages, demo, live_server, page, code):
    pages = _pages(code)
    assert all(path.startswith(f"/{code}/") for _name, path in pages)
    failures = axe_failures(page, live_server.url, pages)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("path", "browser_locale", "expected_href"),
    [
        ("/es/crisis/?country=ES", "en-GB", "tel:112"),
        ("/es/crisis/?country=GB", "en-GB", "tel:999"),
        ("/pl/crisis/?country=PL", "en-GB", "tel:112"),
        ("/crisis/?country=GB", "es-ES", "tel:999"),
        ("/crisis/?country=ES", "pl-PL", "tel:112"),
    ],
)
def test_no_language_suggestion_pushes_the_numbers_out_of_the_first_screen(
    three_languages, browser, live_server, demo, path, browser_locale, expected_href
):
    # A first visit whose browser prefers another language than the page: the case
    # that put the suggestion box above the numbers.
    context = browser.new_context(viewport=PHONE, locale=browser_locale, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        goto(page, live_server.url + path)
        assert page.locator(".language-suggestion").count() == 0
        link = page.locator("main a.emergency-number").first
        assert link.get_attribute("href") == expected_href
        box = link.bounding_box()
        assert page.evaluate("window.scrollY") == 0
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    finally:
        context.close()
