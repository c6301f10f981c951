import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

import withdrawal_site.views

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "local"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    monkeypatch.setattr(withdrawal_site.views, "database_is_reachable", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_robots_txt_points_to_the_sitemap_and_hides_private_pages(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    for private in ("/admin/", "/moderation/", "/contribute/status/", "/accounts/"):
        assert f"Disallow: {private}" in body


def test_sitemap_lists_the_site_pages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    for path in ("/about/", "/privacy/", "/disclaimer/", "/crisis/"):
        assertContains(response, f"http://testserver{path}")


def test_404_page_keeps_the_crisis_link(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assertContains(response, "find that page", status_code=404)
    assertContains(response, 'href="/crisis/"', status_code=404)


def _failing_render(exception):
    def render(*args, **kwargs):
        raise exception

    return render


def test_500_page_keeps_the_crisis_link(monkeypatch):
    monkeypatch.setattr(withdrawal_site.views, "render", _failing_render(ValueError("boom")))
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert response.status_code == 500
    assertContains(response, "Something went wrong on our side", status_code=500)
    assertContains(response, 'href="/crisis/"', status_code=500)


def test_friendly_503_when_the_database_is_unreachable(monkeypatch):
    monkeypatch.setattr(
        withdrawal_site.views, "render", _failing_render(OperationalError("could not connect"))
    )
    monkeypatch.setattr("withdrawal_site.middleware.database_is_reachable", lambda: False)
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assertContains(response, "briefly unavailable", status_code=503)
    assertContains(response, 'href="/crisis/"', status_code=503)


def test_a_database_error_with_the_database_up_is_a_real_error(monkeypatch):
    monkeypatch.setattr(withdrawal_site.views, "render", _failing_render(OperationalError("bad SQL")))
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert response.status_code == 500


def test_first_visit_notice_shows_until_dismissed_by_a_plain_post(client):
    response = client.get(reverse("about"))
    assertContains(response, "Welcome to Withdrawal Commons")
    # The notice sits above the content and never replaces it.
    assertContains(response, "About Withdrawal Commons")

    response = client.post(reverse("dismiss_notice"), {"next": "/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert response.cookies["wc_notice_seen"]["max-age"] == 365 * 24 * 60 * 60

    response = client.get(reverse("about"))
    assertNotContains(response, "Welcome to Withdrawal Commons")


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""])
def test_dismissing_the_notice_never_redirects_off_site(client, next_url):
    response = client.post(reverse("dismiss_notice"), {"next": next_url})
    assert response["Location"] == "/"


def test_dismiss_notice_refuses_get(client):
    assert client.get(reverse("dismiss_notice")).status_code == 405


def test_dismiss_needs_no_csrf_token_because_it_only_sets_a_preference():
    # A token on every page would make every page personal (see dismiss_notice).
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("dismiss_notice"), {"next": "/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert "csrftoken" not in response.cookies
    assert response.cookies["wc_notice_seen"].value == "1"


def test_home_page_has_the_start_here_path_and_directory_search(client):
    response = client.get(reverse("home"))
    assertContains(response, "Start here")
    assertContains(response, 'action="/support/"')
    assertContains(response, 'href="/tapering/planner/"')


def test_healthz_answers_plain_http_even_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("about")).status_code == 301
