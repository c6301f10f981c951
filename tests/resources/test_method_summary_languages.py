"""Tapering method summaries in Spanish and Polish, each marked with the language it is in."""

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from resources import demo
from resources.models import TaperingMethod
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

ALL_THREE = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]
ALL_CODES = [code for code, _name in ALL_THREE]
SUMMARIES = {
    "en": "A way to make small doses.",
    "es": "Una forma de hacer dosis pequeñas.",
    "pl": "Sposób na małe dawki.",
}


@pytest.fixture(autouse=True)
def three_languages(settings):
    settings.LANGUAGES = ALL_THREE


@pytest.fixture
def method(make_method):
    return make_method("Liquid titration", summary=SUMMARIES["en"], local_summaries={"es": SUMMARIES["es"]})


def url_in(code: str, name: str, *args) -> str:
    with translation.override(code):
        return reverse(name, args=args)


def pages(code: str, method, drug) -> list[str]:
    return [
        url_in(code, "resources:method_list"),
        url_in(code, "resources:method_detail", method.slug),
        url_in(code, "resources:drug_detail", drug.slug),
    ]


def test_spanish_pages_show_the_spanish_summary_marked_spanish(client, method, drug):
    for url in pages("es", method, drug):
        response = client.get(url)
        assertContains(response, f'lang="es">{SUMMARIES["es"]}</p>')
        assertNotContains(response, f">{SUMMARIES['en']}</p>")


def test_without_a_polish_summary_the_english_one_is_marked_english(client, method, drug):
    for url in pages("pl", method, drug):
        response = client.get(url)
        assertContains(response, f'lang="en">{SUMMARIES["en"]}</p>')


def test_a_polish_summary_once_written_is_shown(client, method, drug):
    method.local_summaries = {**method.local_summaries, "pl": SUMMARIES["pl"]}
    method.save()
    for url in pages("pl", method, drug):
        assertContains(client.get(url), f'lang="pl">{SUMMARIES["pl"]}</p>')


def test_english_pages_keep_the_english_summary(client, method, drug):
    for url in pages("en", method, drug):
        response = client.get(url)
        assertContains(response, f'lang="en">{SUMMARIES["en"]}</p>')
        assertNotContains(response, f">{SUMMARIES['es']}</p>")


@pytest.mark.parametrize("bad", [["not", "a", "dict"], {"es": "   "}, {"es": None}])
def test_a_malformed_or_empty_translation_falls_back_without_an_error(client, make_method, drug, bad):
    method = make_method("Odd one", summary=SUMMARIES["en"], local_summaries=bad)
    response = client.get(url_in("es", "resources:method_detail", method.slug))
    assertContains(response, f'lang="en">{SUMMARIES["en"]}</p>')


def test_the_touched_pages_cost_the_same_in_every_language(client, method, drug):
    counts = {
        code: [count_queries(client, url) for url in pages(code, method, drug)] for code in ("en", "es", "pl")
    }
    assert counts["es"] == counts["en"] == counts["pl"], counts


def test_every_demo_method_has_a_spanish_and_a_polish_summary():
    assert set(demo.METHOD_SUMMARIES) == {data["slug"] for data in demo.METHODS}
    for data in demo.METHODS:
        translations = demo.METHOD_SUMMARIES[data["slug"]]
        assert set(translations) == {"es", "pl"}
        for text in translations.values():
            assert text.strip() and text != data["summary"] and len(text) <= 300


def test_the_demo_loads_the_translated_summaries_once():
    demo.load()
    first = {m.slug: (m.local_summaries, m.updated_at) for m in TaperingMethod.objects.all()}
    assert all(set(summaries) == {"es", "pl"} for summaries, _updated in first.values())
    demo.load()
    assert {m.slug: (m.local_summaries, m.updated_at) for m in TaperingMethod.objects.all()} == first
