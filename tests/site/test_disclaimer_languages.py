"""Disclaimers in Spanish and Polish: each page shows its own version, else English marked lang="en"."""

import pytest
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from tests.conftest import verified_login
from tests.queries import count_queries
from withdrawal_site.disclaimers.models import Disclaimer, DisclaimerKey, get_disclaimer

pytestmark = pytest.mark.django_db

ALL_THREE = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]
TAPERING_TITLES = {
    "en": "About tapering information",
    "es": "Sobre la información de reducción gradual",
    "pl": "O informacjach na temat stopniowego zmniejszania dawki",
}


@pytest.fixture(autouse=True)
def three_languages(settings):
    """As the site will be once the Spanish and Polish catalogues are complete."""
    settings.LANGUAGES = ALL_THREE


def url_in(code: str, name: str) -> str:
    with translation.override(code):
        return reverse(name)


def render_box(code: str, key: str = "tapering") -> str:
    with translation.override(code):
        return Template('{% load disclaimers %}{% disclaimer "' + key + '" %}').render(Context())


def test_every_disclaimer_has_a_spanish_and_a_polish_version_of_its_own():
    for key in DisclaimerKey.values:
        english = Disclaimer.objects.get(key=key, language="en")
        for code in ("es", "pl"):
            version = Disclaimer.objects.get(key=key, language=code)
            assert version.title and version.summary and version.body_html
            assert {version.title, version.summary, version.body}.isdisjoint(
                {english.title, english.summary, english.body}
            )


def test_the_spanish_and_polish_site_texts_link_to_their_own_crisis_page():
    assert 'href="/es/crisis/"' in Disclaimer.objects.get(key="site", language="es").body_html
    assert 'href="/pl/crisis/"' in Disclaimer.objects.get(key="site", language="pl").body_html


def test_one_version_per_key_and_language():
    with pytest.raises(IntegrityError), transaction.atomic():
        Disclaimer.objects.create(key="site", language="es", title="Otra", summary="x", body="x")


@pytest.mark.parametrize("code", ["es", "pl"])
def test_a_page_shows_the_box_in_its_language_marked_with_it(client, code):
    response = client.get(url_in(code, "resources:method_list"))
    assertContains(response, f'<span lang="{code}"><strong>{TAPERING_TITLES[code]}.</strong>')
    assertNotContains(response, TAPERING_TITLES["en"])


def test_a_missing_version_falls_back_to_english_marked_english(client):
    Disclaimer.objects.filter(key="tapering", language="pl").delete()
    response = client.get(url_in("pl", "resources:method_list"))
    assertContains(response, f'<span lang="en"><strong>{TAPERING_TITLES["en"]}.</strong>')
    assert 'lang="pl"' in response.content.decode()  # the page itself is still Polish


def test_english_pages_keep_the_english_text(client):
    assertContains(client.get("/tapering/"), f'<span lang="en"><strong>{TAPERING_TITLES["en"]}.</strong>')


def test_each_language_is_cached_apart_and_any_write_refreshes_every_language(django_assert_num_queries):
    for code in ("en", "es", "pl"):
        assert TAPERING_TITLES[code] in render_box(code)
    with django_assert_num_queries(0):  # all three cached now
        for code in ("en", "es", "pl"):
            render_box(code)

    Disclaimer.objects.get(key="tapering", language="es").delete()
    assert TAPERING_TITLES["en"] in render_box("es")  # the cached Spanish copy is gone

    english = Disclaimer.objects.get(key="tapering", language="en")
    english.summary = "Edited by an admin."
    english.save()
    assert "Edited by an admin." in render_box("es")  # the fallback copy followed the edit
    assert "Edited by an admin." not in render_box("pl")


def test_a_regional_language_reads_its_base_language():
    assert get_disclaimer("tapering", "es-mx").language == "es"
    assert get_disclaimer("tapering", "de").language == "en"


@pytest.mark.parametrize("code", ["es", "pl"])
def test_the_full_disclaimer_page_in_each_language(client, code):
    response = client.get(url_in(code, "disclaimers:detail"))
    content = response.content.decode()
    assert content.count("<section id=") == len(DisclaimerKey.values)
    assert content.index('id="site"') < content.index('id="tapering"')
    for key in DisclaimerKey.values:
        title = Disclaimer.objects.get(key=key, language=code).title
        assert f'<div lang="{code}">\n    <h2 id="disclaimer-{key}">{title}</h2>' in content
    assertNotContains(response, TAPERING_TITLES["en"])


def test_the_full_page_marks_an_english_fallback(client):
    Disclaimer.objects.filter(key="crisis", language="es").delete()
    content = client.get(url_in("es", "disclaimers:detail")).content.decode()
    english = Disclaimer.objects.get(key="crisis", language="en").title
    assert f'<div lang="en">\n    <h2 id="disclaimer-crisis">{english}</h2>' in content
    assert content.count("<section id=") == len(DisclaimerKey.values)


def test_the_disclaimer_page_costs_the_same_in_every_language(client):
    counts = {code: count_queries(client, url_in(code, "disclaimers:detail")) for code in ("en", "es", "pl")}
    assert len(set(counts.values())) == 1, counts
    assert counts["en"] <= 3, counts


def test_the_admin_list_shows_one_row_per_version_with_its_language(client, site_admin):
    verified_login(client, site_admin)
    response = client.get(reverse("admin:disclaimers_disclaimer_changelist") + "?language__exact=pl")
    assertContains(response, TAPERING_TITLES["pl"])
    assertNotContains(response, TAPERING_TITLES["es"])
    assertContains(response, "Polish")
