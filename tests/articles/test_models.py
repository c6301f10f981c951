from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from withdrawal_site.search.registry import searchable_models

from .conftest import LONG_BODY

pytestmark = pytest.mark.django_db


def test_body_is_rendered_and_sanitised_once_on_save(make_article):
    article = make_article(
        body="Hello <script>alert(1)</script> **world** [x](javascript:alert(1))\n\n![pic](https://evil.example/p.png)",
        sources="- <b>Ashton</b> [manual](https://www.benzo.org.uk/manual/)",
    )
    article.refresh_from_db()
    assert "<strong>world</strong>" in article.body_html
    assert "<script" not in article.body_html
    assert "javascript:" not in article.body_html
    assert "<img" not in article.body_html
    assert 'rel="nofollow noopener"' in article.sources_html
    assert "<b>" not in article.sources_html


def test_saving_again_re_renders_the_stored_html(make_article):
    article = make_article(body="First version.")
    article.body = "# Changed\n\nSecond version."
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert "Second version." in article.body_html
    assert article.headings == [{"level": 2, "anchor": "section-changed", "text": "Changed"}]


def test_headings_word_count_and_reading_time_are_stored(make_article):
    article = make_article(body=LONG_BODY)
    article.refresh_from_db()
    assert [heading["anchor"] for heading in article.headings] == [
        "section-first-part",
        "section-second-part",
        "section-a-detail",
        "section-third-part",
    ]
    assert article.word_count == 28
    assert article.reading_time_minutes == 1
    article.body = "word " * 401
    article.save()
    assert article.reading_time_minutes == 3


def test_table_of_contents_needs_three_headings_and_nests_subheadings(make_article):
    short = make_article(body="# One\n\ntext\n\n# Two\n\ntext")
    assert short.table_of_contents() == []
    long = make_article(body=LONG_BODY)
    toc = long.table_of_contents()
    assert [entry["text"] for entry in toc] == ["First part", "Second part", "Third part"]
    assert [child["text"] for child in toc[1]["children"]] == ["A detail"]
    only_subsections = make_article(body="## One\n\n## Two\n\n## Three")
    assert [entry["level"] for entry in only_subsections.table_of_contents()] == [3, 3, 3]


def test_published_excludes_drafts_and_future_dates(published_article, draft_article, future_article):
    assert list(Article.objects.published()) == [published_article]
    assert published_article.is_published
    assert not draft_article.is_published
    assert not future_article.is_published


def test_published_is_newest_first(make_article):
    older = make_article(published_at=timezone.now() - timedelta(days=30))
    newer = make_article(published_at=timezone.now() - timedelta(days=1))
    assert list(Article.objects.published()) == [newer, older]


def test_search_document_only_when_published(published_article, draft_article, future_article):
    document = published_article.search_document()
    assert document.kind == "article"
    assert document.title == "Why people taper slowly"
    assert document.url == "/articles/" + published_article.slug + "/"
    assert "Text of the first part." in document.body
    assert "<" not in document.body
    assert document.published_at == published_article.published_at
    assert draft_article.search_document() is None
    assert future_article.search_document() is None
    assert Article in searchable_models()


def test_correctable_fields_and_correction(published_article):
    fields = published_article.correctable_fields()
    assert list(fields) == ["title", "summary", "body", "sources"]
    assert fields["title"] == ("Title", "Why people taper slowly")
    published_article.apply_correction({"body": "## Corrected\n\nBetter text."})
    published_article.refresh_from_db()
    assert "Better text." in published_article.body_html


def test_related_articles_prefer_more_shared_tags(make_article):
    article = make_article(tags=["a", "b", "c"])
    one_shared = make_article(tags=["a"], published_at=timezone.now() - timedelta(minutes=1))
    two_shared = make_article(tags=["a", "b"])
    make_article(tags=["z"])
    make_article(tags=["a", "b"], status=Article.Status.DRAFT)
    article = Article.objects.published().get(pk=article.pk)
    assert list(Article.objects.related_to(article)) == [two_shared, one_shared]


def test_deleting_an_article_removes_its_tag_links(published_article):
    from taggit.models import TaggedItem

    published_article.delete()
    assert not TaggedItem.objects.filter(object_id=published_article.pk).exists()
