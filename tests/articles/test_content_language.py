"""Content in another language than the page carries its own lang (WCAG 3.1.2)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_spanish_article_on_an_english_list_is_marked_spanish(client, make_article):
    make_article(title="Por qué reducir despacio", summary="Una fracción de la dosis actual.", language="es")
    make_article(title="Why taper slowly")
    html = client.get(reverse("articles:list")).content.decode()
    assert '<html lang="en">' in html
    assert '<h2 lang="es"><a' in html and '<p lang="es">Una fracción de la dosis actual.</p>' in html
    assert '<h2 lang="en"><a' in html


def test_a_spanish_article_page_marks_its_content(client, make_article):
    article = make_article(title="Hablar con quien te receta", language="es")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html and '<article lang="es">' in html


def also_in(response) -> str:
    """The "Also in" line alone: the language switcher links every offered language too."""
    html = response.content.decode()
    start = html.find('<p class="also-in"')
    return html[start : html.index("</p>", start)] if start != -1 else ""


def test_versions_in_other_languages_are_linked_also_in(client, make_article, django_assert_max_num_queries):
    original = make_article(title="Why people taper slowly")
    spanish = make_article(title="Por qué reducir despacio", language="es", translation_of=original)
    polish = make_article(title="Dlaczego zmniejszać powoli", language="pl", translation_of=original)
    make_article(title="Draft version", language="pl", translation_of=original, status="draft")
    html = also_in(client.get(original.get_absolute_url()))
    assert "Also in" in html
    assert f'<a href="{spanish.get_absolute_url()}" hreflang="es" lang="es">Español</a>' in html
    assert f'<a href="{polish.get_absolute_url()}" hreflang="pl" lang="pl">Polski</a>' in html
    assert "Draft version" not in html
    from_spanish = also_in(client.get(spanish.get_absolute_url()))
    assert f'<a href="{original.get_absolute_url()}" hreflang="en" lang="en">English</a>' in from_spanish
    assert 'lang="pl">Polski</a>' in from_spanish and 'lang="es">Español</a>' not in from_spanish


def test_an_article_without_versions_has_no_also_in(client, make_article):
    assert "Also in" not in client.get(make_article().get_absolute_url()).content.decode()


@pytest.fixture
def three_languages(settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]


def _titles_in_order(html: str, titles: list[str]) -> list[str]:
    return sorted(titles, key=html.index)


def test_the_article_list_shows_the_page_language_first_then_the_rest_marked(
    three_languages, client, make_article
):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    make_article(title="Newest English", published_at=now - timedelta(days=1))
    make_article(title="Older Spanish", language="es", published_at=now - timedelta(days=5))
    make_article(title="Oldest Spanish", language="es", published_at=now - timedelta(days=9))
    make_article(title="Polish middle", language="pl", published_at=now - timedelta(days=3))
    titles = ["Newest English", "Older Spanish", "Oldest Spanish", "Polish middle"]

    spanish = client.get("/es/articles/").content.decode()
    assert _titles_in_order(spanish, titles) == [
        "Older Spanish",
        "Oldest Spanish",
        "Newest English",
        "Polish middle",
    ]
    # Foreign items carry their lang and name their language; the page's own do not.
    assert '<h2 lang="en"><a' in spanish and '<h2 lang="pl"><a' in spanish
    assert '<span lang="en">English</span>' in spanish and '<span lang="pl">Polski</span>' in spanish
    assert '<span lang="es">Español</span>' not in spanish

    english = client.get("/articles/").content.decode()
    assert _titles_in_order(english, titles)[0] == "Newest English"
    assert '<span lang="es">Español</span>' in english


def test_the_home_page_shows_latest_articles_in_the_page_language_first(
    three_languages, client, make_article
):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for days in (1, 2, 3):
        make_article(title=f"Polish {days}", language="pl", published_at=now - timedelta(days=days))
    make_article(title="Older English", published_at=now - timedelta(days=9))
    english = client.get("/").content.decode()
    assert "Older English" in english
    assert '<h3 lang="pl"><a' in english and '<span lang="pl">Polski</span>' in english
    polish = client.get("/pl/").content.decode()
    assert "Older English" not in polish and "Polish 1" in polish
