import re

import pytest
from django.core.management import call_command
from taggit.models import TaggedItem

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_for_articles():
    call_command("load_demo")
    first = (
        Article.objects.count(),
        TaggedItem.objects.count(),
        list(Article.objects.order_by("slug").values_list("slug", "updated_at")),
    )
    call_command("load_demo")
    second = (
        Article.objects.count(),
        TaggedItem.objects.count(),
        list(Article.objects.order_by("slug").values_list("slug", "updated_at")),
    )
    assert first == second
    assert first[0] >= 8


def test_demo_articles_are_published_sourced_and_honest_about_review(client):
    call_command("load_demo")
    articles = list(Article.objects.published())
    assert len(articles) >= 8
    for article in articles:
        # Nobody has reviewed demo text yet, and the page must not claim otherwise.
        assert article.last_reviewed is None, article.slug
        assert article.tags.exists(), article.slug
        assert len(article.headings) >= 3, article.slug
        assert article.word_count >= 200, article.slug
        if re.search(r"\d", article.body):
            assert "<li>" in article.sources_html, f"{article.slug} has numbers but no sources"
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert 'class="toc"' in response.content.decode()
        assert response.content.decode().count("An editor has not reviewed this page yet.") == 1
