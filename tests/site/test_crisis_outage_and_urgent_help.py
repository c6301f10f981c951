"""The outage page keeps the crisis numbers (no database); the urgent-help signs are where they must be."""

import pytest
from django.db import OperationalError
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

import withdrawal_site.views
from charities import urgent_help
from resources.guidance import CITATIONS
from resources.models import Drug, DrugClass


def _failing_render(*args, **kwargs):
    raise OperationalError("could not connect to server")


@pytest.fixture
def database_down(monkeypatch):
    monkeypatch.setattr(withdrawal_site.views, "render", _failing_render)
    monkeypatch.setattr("withdrawal_site.middleware.database_is_reachable", lambda: False)


@pytest.mark.django_db
def test_the_503_page_shows_the_visitors_crisis_numbers_first_visit_included(database_down):
    response = Client(raise_request_exception=False).get("/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.status_code == 503
    html = response.content.decode()
    assertContains(response, "briefly unavailable", status_code=503)
    assertContains(response, '<a class="emergency-number" href="tel:999">', status_code=503)
    assertContains(response, 'href="sms:85258?&amp;body=SHOUT">Text SHOUT to 85258</a>', status_code=503)
    assertContains(response, 'href="/crisis/"', status_code=503)
    assertNotContains(response, "first-visit-notice", status_code=503)
    assert html.index('href="tel:999"') < html.index('href="tel:116123"')


@pytest.mark.django_db
def test_the_503_page_follows_the_visitors_choice_and_asks_when_it_cannot_tell(database_down):
    client = Client(raise_request_exception=False)
    client.cookies["wc_country"] = "US"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assertContains(response, '<a class="emergency-number" href="tel:911">', status_code=503)
    assertContains(response, 'href="sms:988">Text 988</a>', status_code=503)
    response = Client(raise_request_exception=False).get("/", HTTP_ACCEPT_LANGUAGE="de")
    assertContains(response, "Where are you?", status_code=503)
    assertContains(response, 'href="/crisis/?country=GB"', status_code=503)


def test_every_sign_has_a_source_we_cite_and_seizure_is_named():
    assert urgent_help.SIGNS
    for sign in urgent_help.SIGNS:
        assert sign.citations and all(key in CITATIONS for key in sign.citation_keys)
    texts = " ".join(str(sign.text) for sign in urgent_help.SIGNS).lower()
    for word in ("seizure", "confusion", "delirium", "hallucinations", "akathisia", "suicide", "chest pain"):
        assert word in texts


@pytest.fixture
def a_drug(db):
    drug_class = DrugClass.objects.create(name="Benzodiazepines", slug="benzodiazepines", position=1)
    return Drug.objects.create(name="Diazepam", slug="diazepam", drug_class=drug_class, half_life="long")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "cookie", "number"),
    [("en-GB", "", "999"), ("en-US", "", "911"), ("en-GB", "AU", "000"), ("pl-PL", "", "112")],
)
def test_urgent_help_on_drug_pages_the_planner_and_the_crisis_page(
    client, a_drug, accept_language, cookie, number
):
    if cookie:
        client.cookies["wc_country"] = cookie
    for path in (a_drug.get_absolute_url(), "/tapering/planner/", "/crisis/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
        assertContains(response, "Get medical help now")
        assertContains(response, "A seizure (a fit) or convulsions.")
        assertContains(
            response, f'<a class="urgent-help__call" href="tel:{number}">call {number}</a>', html=True
        )
        assertContains(response, "FDA boxed warning, September 2020")


@pytest.mark.django_db
def test_urgent_help_without_a_country_lists_each_countrys_number(client, a_drug):
    response = client.get(a_drug.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de")
    assertContains(response, "call the emergency number now")
    assertContains(response, 'United Kingdom: <a href="tel:999">call 999</a>', html=False)
    assertContains(response, 'Australia: <a href="tel:000">call 000</a>', html=False)


@pytest.mark.django_db
def test_urgent_help_adds_no_query_to_a_drug_page(client, a_drug):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(a_drug.get_absolute_url())  # warm cached texts
    with CaptureQueriesContext(connection) as with_block:
        client.get(a_drug.get_absolute_url())
    assert not any(
        "emergencynumber" in query["sql"] or "is_crisis_line" in query["sql"]
        for query in with_block.captured_queries
    )


@pytest.mark.django_db
def test_every_public_page_keeps_the_in_crisis_header_link(client):
    from io import StringIO

    from django.core.management import call_command

    from tests.browser.pages import public_pages

    call_command("load_demo", stdout=StringIO())
    link = '<a class="crisis-link" href="/crisis/">In crisis? Get help now</a>'
    for name, path in public_pages():
        response = client.get(path)
        assert link in response.content.decode(), name
