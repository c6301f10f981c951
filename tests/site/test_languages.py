"""Languages: only complete catalogues are offered, <html lang> matches the words, URLs and switching."""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from withdrawal_site import languages

ALL_THREE = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _catalogue(tmp_path, code, body, *, compiled=True):
    directory = tmp_path / code / "LC_MESSAGES"
    directory.mkdir(parents=True)
    (directory / "django.po").write_text(HEADER + body, encoding="utf-8")
    if compiled:
        (directory / "django.mo").write_bytes(b"")
    return tmp_path


@pytest.fixture
def three_languages(settings):
    """As the site will be once the Spanish and Polish catalogues are complete."""
    settings.LANGUAGES = ALL_THREE


# --- Which languages are offered ----------------------------------------------------------------


def test_a_complete_compiled_catalogue_is_offered(tmp_path):
    locale = _catalogue(tmp_path, "es", 'msgid "Drugs"\nmsgstr "Medicamentos"\n')
    assert [code for code, _ in languages.offered_languages([locale])] == ["en", "es"]


@pytest.mark.parametrize(
    "body",
    [
        'msgid "Drugs"\nmsgstr "Medicamentos"\n\nmsgid "Support"\nmsgstr ""\n',
        '#, fuzzy\nmsgid "Drugs"\nmsgstr "Medicamentos"\n',
        'msgid "one step"\nmsgid_plural "%(n)s steps"\nmsgstr[0] "un paso"\nmsgstr[1] ""\n',
    ],
    ids=["untranslated", "fuzzy", "plural-missing"],
)
def test_an_incomplete_catalogue_is_not_offered(tmp_path, body):
    locale = _catalogue(tmp_path, "es", body)
    assert [code for code, _ in languages.offered_languages([locale])] == ["en"]


def test_an_uncompiled_catalogue_is_not_offered(tmp_path):
    locale = _catalogue(tmp_path, "pl", 'msgid "Drugs"\nmsgstr "Leki"\n', compiled=False)
    assert [code for code, _ in languages.offered_languages([locale])] == ["en"]


def test_obsolete_entries_do_not_count(tmp_path):
    locale = _catalogue(tmp_path, "pl", 'msgid "Drugs"\nmsgstr "Leki"\n\n#~ msgid "Old"\n#~ msgstr ""\n')
    assert [code for code, _ in languages.offered_languages([locale])] == ["en", "pl"]


def test_the_site_offers_exactly_the_complete_catalogues():
    expected = ["en"] + [
        code for code in ("es", "pl") if languages.is_complete(code, django_settings.LOCALE_PATHS)
    ]
    assert [code for code, _ in django_settings.LANGUAGES] == expected


# --- <html lang> matches the words --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("browser", ["es", "pl", "es-ES,es;q=0.9", "pl-PL"])
def test_a_browser_in_a_language_not_offered_gets_english_labelled_english(settings, browser, client):
    settings.LANGUAGES = [("en", "English")]
    response = client.get("/about/", headers={"accept-language": browser})
    assert '<html lang="en">' in response.content.decode()
    assert response["Content-Language"] == "en"
    assert client.get("/es/about/").status_code == 404


@pytest.mark.django_db
def test_an_unprefixed_page_is_english_whatever_the_browser_says(three_languages, client):
    """Never a forced redirect: search engines and shared links keep working."""
    response = client.get("/about/", headers={"accept-language": "es"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["es", "pl"])
def test_a_prefixed_page_is_in_its_language(three_languages, client, code):
    response = client.get(f"/{code}/about/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert f'<html lang="{code}">' in response.content.decode()


@pytest.mark.django_db
def test_machine_and_private_addresses_are_not_prefixed(three_languages, client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/es/healthz").status_code == 404
    assert client.get("/es/journal/").status_code == 404
    assert reverse("journal:index") == "/journal/"
    assert reverse("moderation:status", args=["abc"]) == "/contribute/status/abc/"


# --- Switcher, alternates, suggestion -----------------------------------------------------------


@pytest.mark.django_db
def test_every_public_page_has_hreflang_alternates_and_x_default(three_languages, client):
    html = client.get("/es/about/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/about/">' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/about/">' in html
    assert '<link rel="alternate" hreflang="pl" href="http://testserver/pl/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/about/">' in html


@pytest.mark.django_db
def test_the_switcher_links_to_the_same_page_in_each_language_in_header_and_footer(three_languages, client):
    html = client.get("/drugs/").content.decode()
    to_spanish = f'href="{reverse("choose_language", args=["es"])}?next=/es/drugs/"'
    to_polish = f'href="{reverse("choose_language", args=["pl"])}?next=/pl/drugs/"'
    assert html.count(to_spanish) == 2 and html.count(to_polish) == 2
    assert html.count('<span aria-current="true" lang="en">English</span>') == 2
    assert "<script" not in html


@pytest.mark.django_db
def test_choosing_a_language_is_remembered_and_goes_to_that_page(three_languages, client):
    response = client.get(reverse("choose_language", args=["pl"]), {"next": "/pl/drugs/"})
    assert response.status_code == 302 and response["Location"] == "/pl/drugs/"
    assert client.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "pl"
    # the one-address pages follow the choice
    assert '<html lang="pl">' in client.get("/contribute/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "", "javascript:alert(1)"], ids=str
)
def test_choosing_a_language_never_leaves_the_site(three_languages, client, next_url):
    response = client.get(reverse("choose_language", args=["es"]), {"next": next_url})
    assert response.status_code == 302 and response["Location"] == "/es/"


@pytest.mark.django_db
def test_an_unknown_language_choice_falls_back_to_english(three_languages, client):
    response = client.get(reverse("choose_language", args=["xx"]), {"next": "/about/"})
    assert response.status_code == 302
    assert client.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.django_db
def test_a_first_visit_from_a_spanish_browser_gets_a_suggestion_not_a_redirect(three_languages, client):
    response = client.get("/about/", headers={"accept-language": "es-ES,es;q=0.9,en;q=0.5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="language-suggestion" lang="es"' in html
    assert f"{reverse('choose_language', args=['es'])}?next=/es/about/" in html
    assert f"{reverse('choose_language', args=['en'])}?next=/about/" in html  # dismiss: stay in English


@pytest.mark.django_db
def test_no_suggestion_once_a_choice_is_made_or_when_the_page_is_in_the_browser_language(
    three_languages, client
):
    assert (
        "language-suggestion"
        not in client.get("/es/about/", headers={"accept-language": "es"}).content.decode()
    )
    assert (
        "language-suggestion" not in client.get("/about/", headers={"accept-language": "en"}).content.decode()
    )
    client.get(reverse("choose_language", args=["en"]), {"next": "/about/"})
    assert (
        "language-suggestion" not in client.get("/about/", headers={"accept-language": "es"}).content.decode()
    )


@pytest.mark.django_db
def test_no_switcher_and_no_suggestion_while_only_english_is_offered(settings, client):
    settings.LANGUAGES = [("en", "English")]
    html = client.get("/about/", headers={"accept-language": "es"}).content.decode()
    assert "language-switcher" not in html and "language-suggestion" not in html and "hreflang" not in html


@pytest.mark.django_db
def test_the_sitemap_lists_the_alternates(three_languages, client):
    xml = client.get("/sitemap.xml").content.decode()
    assert 'hreflang="es" href="http://testserver/es/about/"' in xml
    assert 'hreflang="x-default" href="http://testserver/about/"' in xml


def test_content_can_be_in_any_language_being_translated_whatever_is_offered():
    """Model choices are fixed (CONTENT_LANGUAGES), so migrations never follow the catalogues."""
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.name == "language" and getattr(field, "choices", None):
                assert [code for code, _ in field.choices] == ["en", "es", "pl"], model
