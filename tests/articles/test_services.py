import pytest
from django.utils import timezone

from articles.models import Article
from articles.services import publish_article

pytestmark = pytest.mark.django_db


def publish(editor, **overrides):
    fields = {
        "title": "Finding support",
        "summary": "Where people find others who understand.",
        "body": "# Peer support\n\nForums and groups.",
        "sources": "- The Withdrawal Project",
        "tag_names": ["support", "community"],
        "byline": "A contributor",
        "approved_by": editor,
        **overrides,
    }
    return publish_article(**fields)


def test_publish_article_creates_a_live_reviewed_article(editor, client):
    article = publish(editor)
    assert article.pk is not None
    assert article.status == Article.Status.PUBLISHED
    assert article.is_published
    assert article.approved_by == editor
    assert article.reviewed_by == editor
    assert article.last_reviewed == timezone.localdate()
    assert sorted(tag.name for tag in article.tags.all()) == ["community", "support"]
    assert "<h2" in article.body_html
    assert article.language == "en"
    assert client.get(article.get_absolute_url()).status_code == 200


def test_repeated_titles_get_unique_slugs(editor):
    first = publish(editor)
    second = publish(editor)
    third = publish(editor, title="Finding support!", tag_names=[], language="es")
    assert [first.slug, second.slug, third.slug] == [
        "finding-support",
        "finding-support-2",
        "finding-support-3",
    ]
    assert third.language == "es"
    assert list(third.tags.all()) == []
    assert Article.objects.count() == 3


def test_a_title_without_letters_still_gets_a_slug(editor):
    assert publish(editor, title="???").slug == "article"


def test_publish_requires_keyword_arguments(editor):
    with pytest.raises(TypeError):
        publish_article("Title", "Summary", "Body", "", [], "", editor)  # type: ignore[misc]
