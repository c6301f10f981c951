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
