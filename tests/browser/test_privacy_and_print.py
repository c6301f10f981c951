"""No request leaves the site, and printed pages are clean."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from articles.models import Article
from resources.models import Drug

from .helpers import goto
from .pages import planner_with_schedule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_pages_make_no_third_party_requests(demo, live_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    paths = [
        reverse("home"),
        Drug.objects.published().first().get_absolute_url(),
        planner_with_schedule(),
        Article.objects.published().first().get_absolute_url(),
    ]
    server = urlsplit(live_server.url).netloc
    for path in paths:
        goto(page, live_server.url + path)
        page.wait_for_load_state("networkidle")
    elsewhere = [
        url for url in requested if urlsplit(url).scheme != "data" and urlsplit(url).netloc != server
    ]
    assert len(requested) > len(paths), "expected the pages to load their stylesheet and icon too"
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


@pytest.mark.parametrize("which", ["article", "planner"])
def test_print_hides_navigation_and_notice(demo, live_server, page, which):
    path = (
        Article.objects.published().first().get_absolute_url()
        if which == "article"
        else planner_with_schedule()
    )
    goto(page, live_server.url + path)
    assert page.locator(".first-visit-notice").is_visible(), "a first visit should show the notice on screen"
    assert page.locator(".site-nav").is_visible()

    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".first-visit-notice").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
