"""The crisis page in Spanish and Polish: nothing above the numbers, and the numbers' labels translated."""

import pytest
from django.db import OperationalError
from django.test import Client

import withdrawal_site.views
from charities import crisis_snapshot
from charities.crisis_lines import load_bundled

pytestmark = pytest.mark.django_db

ALL_THREE = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]


@pytest.fixture
def three_languages(settings):
    settings.LANGUAGES = ALL_THREE


@pytest.fixture
def crisis_data(db):
    load_bundled()


@pytest.mark.parametrize("path", ["/crisis/", "/es/crisis/", "/pl/crisis/"])
@pytest.mark.parametrize("browser", ["en-GB,en;q=0.9", "es-ES,es;q=0.9", "pl-PL"])
def test_no_language_suggestion_on_the_crisis_page_in_any_language(
    three_languages, crisis_data, client, path, browser
):
    html = client.get(path, HTTP_ACCEPT_LANGUAGE=browser).content.decode()
    assert "language-suggestion" not in html
    assert 'class="emergency-number"' in html


def test_other_pages_still_get_the_suggestion(three_languages, crisis_data, client):
    """The crisis page's exception must not switch the suggestion off everywhere."""
    html = client.get("/es/about/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert "language-suggestion" in html


def test_no_language_suggestion_on_the_503_page(three_languages, monkeypatch):
    def failing_render(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(withdrawal_site.views, "render", failing_render)
    monkeypatch.setattr("withdrawal_site.middleware.database_is_reachable", lambda: False)
    response = Client(raise_request_exception=False).get("/es/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.status_code == 503
    assert "language-suggestion" not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "country", "label"),
    [
        ("/es/crisis/", "GB", "Servicios de emergencia"),
        ("/pl/crisis/", "GB", "Numer alarmowy"),
        ("/es/crisis/", "PL", "Servicios de emergencia"),
        ("/pl/crisis/", "ES", "Numer alarmowy"),
    ],
)
def test_emergency_number_labels_are_in_the_page_language(
    three_languages, crisis_data, client, path, country, label
):
    html = client.get(path, {"country": country}).content.decode()
    first_screen = html.split('class="emergency-numbers"', 1)[1].split("</ul>", 1)[0]
    assert label in first_screen
    assert "Emergency services" not in first_screen
    # Translated into the page's language, so it carries no foreign lang attribute.
    assert 'class="emergency-number__label" lang=' not in first_screen


@pytest.mark.parametrize("code", ["es", "pl"])
def test_no_known_crisis_phrase_is_left_in_english_on_a_translated_page(
    three_languages, crisis_data, client, code
):
    html = client.get(f"/{code}/crisis/", {"country": "GB"}).content.decode()
    for phrase in ("Emergency services", "24 hours, every day", "> free"):
        assert phrase not in html


def test_an_unknown_label_stays_as_written_and_marked_with_its_language():
    number = crisis_snapshot.EmergencyNumber(number="061", label="Policía Nacional")
    assert number.translated_label == ""
    assert crisis_snapshot.known_phrase("  Emergency   SERVICES ") != ""
