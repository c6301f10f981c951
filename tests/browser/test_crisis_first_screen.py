"""On a 390x844 phone the first emergency number on /crisis/ is fully visible without scrolling."""

import os
from pathlib import Path

import pytest

from .helpers import goto

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = os.environ.get("WC_SCREENSHOT_DIR", "")


def first_emergency_box(page):
    link = page.locator("main a.emergency-number").first
    assert link.is_visible(), "no emergency number link"
    assert (link.get_attribute("href") or "").startswith("tel:")
    return link.bounding_box()


@pytest.mark.parametrize(
    ("locale", "country_param", "expected_href"),
    [
        ("en-GB", "", "tel:999"),
        ("en-US", "", "tel:911"),
        ("de-DE", "", "tel:999"),
        ("en-GB", "?country=AU", "tel:000"),
    ],
)
def test_first_emergency_number_is_in_the_first_screen(
    browser, live_server, demo, locale, country_param, expected_href
):
    # A new context: a first visit, no cookies (so the first-visit notice would show if it were there).
    context = browser.new_context(viewport=PHONE, locale=locale, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        goto(page, f"{live_server.url}/crisis/{country_param}")
        assert page.locator(".first-visit-notice").count() == 0
        box = first_emergency_box(page)
        assert page.evaluate("window.scrollY") == 0
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert page.locator("main a.emergency-number").first.get_attribute("href") == expected_href
        if SCREENSHOTS:
            name = f"crisis-{locale}{country_param.replace('?country=', '-')}.png"
            page.screenshot(path=str(Path(SCREENSHOTS) / name))
    finally:
        context.close()


def test_the_visitors_first_crisis_line_is_also_in_the_first_screen(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        goto(page, f"{live_server.url}/crisis/")
        line = page.locator("main a.crisis-call").first
        box = line.bounding_box()
        assert line.get_attribute("href") == "tel:116123"
        assert box["y"] + box["height"] <= PHONE["height"], box
    finally:
        context.close()


def test_the_outage_page_shows_the_first_emergency_number_in_the_first_screen(
    browser, live_server, monkeypatch
):
    from django.db import OperationalError

    import withdrawal_site.views

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(withdrawal_site.views, "render", refuse)
    monkeypatch.setattr("withdrawal_site.middleware.database_is_reachable", lambda: False)
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        response = page.goto(f"{live_server.url}/")
        assert response.status == 503
        box = first_emergency_box(page)
        assert box["y"] + box["height"] <= PHONE["height"], box
        assert page.locator("main a.emergency-number").first.get_attribute("href") == "tel:999"
        if SCREENSHOTS:
            page.screenshot(path=str(Path(SCREENSHOTS) / "outage-en-GB.png"))
    finally:
        context.close()
