"""Contributed text never causes a lasting 500 (issue 11, finding 4).

A tag whose slug is empty, or a control character in a title, summary, byline
or tag, may already be stored (from before the edge checks, or the admin):
building URLs and the feed must survive it. The forms refuse or clean it too.
"""

import xml.dom.minidom

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains
from taggit.models import Tag

from articles.contributions import ArticleForm
from articles.services import publish_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["!!!", "—"])
def test_a_tag_without_a_slug_does_not_take_down_lists_pages_or_the_sitemap(client, make_article, name):
    article = make_article(tags=[name, "sleep"])
    assert Tag.objects.get(name=name).slug == ""

    for url in [
        reverse("articles:list"),
        article.get_absolute_url(),
        "/sitemap.xml",
        reverse("articles:feed"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assertContains(client.get(article.get_absolute_url()), reverse("articles:tag", args=["sleep"]))


def test_the_sitemap_lists_no_tag_page_without_an_address(client, make_article):
    make_article(tags=["!!!"])
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/tags//" not in response.content


def test_publishing_drops_tags_that_would_have_no_address(editor):
    article = publish_article(
        title="Sleep",
        summary="S",
        body="B",
        sources="",
        tag_names=["!!!", "—", "sleep"],
        byline="",
        approved_by=editor,
    )
    assert [tag.name for tag in article.tags.all()] == ["sleep"]


@pytest.mark.parametrize("tags", ["!!!", "sleep, —", "..."])
def test_the_article_form_refuses_tags_without_letters_or_digits(tags):
    form = ArticleForm({"title": "T", "summary": "S", "body": "B", "tags": tags})
    assert not form.is_valid()
    assert "at least one letter or digit" in str(form.errors["tags"])


def test_the_feed_survives_control_characters_already_stored(client, make_article):
    make_article(
        title="Bell\x07 title\x1b",
        summary="Form\x0cfeed summary\x1f",  # (PostgreSQL cannot store NUL at all)
        byline="Pseu\x08donym",
        tags=["tag\x01one"],
    )
    response = client.get(reverse("articles:feed"))
    assert response.status_code == 200
    document = xml.dom.minidom.parseString(response.content)  # well-formed XML
    assert "Bell title" in document.toxml()


def test_the_contribution_forms_strip_control_characters_at_the_edge():
    form = ArticleForm(
        {"title": "Title\x07", "summary": "Sum\x1bmary", "body": "Body\x0b text", "tags": "sl\x01eep"}
    )
    assert form.is_valid(), form.errors
    data = form.to_data()
    assert data["title"] == "Title" and data["summary"] == "Summary" and data["body"] == "Body text"
    assert data["tags"] == ["sleep"]
