"""One content lifecycle: `published()` is a pure filter, pages ask for their loading, Markdown
renders on save and for previews through the same rules."""

import pytest
from django.utils import timezone

from articles.models import Article
from charities.models import Organization
from resources.models import Drug, DrugClass, Experience, ResourceLink, TaperingMethod, Tip
from withdrawal_site.content import render_markdown_fields
from withdrawal_site.markdown import render_markdown

PUBLISHABLE = [Article, Drug, TaperingMethod, Tip, Experience, ResourceLink]


@pytest.mark.parametrize("model", PUBLISHABLE, ids=lambda model: model.__name__)
def test_published_is_a_pure_filter(model):
    queryset = model.objects.published()
    assert queryset.query.where, "published() filters"
    assert queryset.query.select_related is False
    assert queryset._prefetch_related_lookups == ()
    assert queryset.query.order_by == ()


def test_listed_organisations_are_a_pure_filter():
    queryset = Organization.objects.listed()
    assert queryset.query.select_related is False
    assert queryset._prefetch_related_lookups == ()
    assert queryset.query.order_by == ()


@pytest.mark.parametrize("model", [Tip, Experience, ResourceLink], ids=lambda model: model.__name__)
def test_pages_loading_never_includes_unpublished_items(db, model):
    fields = {"url": "https://example.org/"} if model is ResourceLink else {"body": "Text."}
    public = model.objects.create(title="Public", status=model.Status.PUBLISHED, **fields)
    model.objects.create(title="Draft", status=model.Status.DRAFT, **fields)
    model.objects.create(title="Taken down", status=model.Status.UNPUBLISHED, **fields)
    for queryset in (model.objects.published(), model.objects.for_list(), model.objects.for_detail()):
        assert list(queryset) == [public]


def test_drafts_future_articles_and_hidden_drugs_stay_out_of_every_page_queryset(db):
    now = timezone.now()
    public = Article.objects.create(
        title="Out", slug="out", summary="s", body="b", status="published", published_at=now
    )
    Article.objects.create(title="Draft", slug="draft", summary="s", body="b", published_at=now)
    Article.objects.create(
        title="Soon",
        slug="soon",
        summary="s",
        body="b",
        status="published",
        published_at=now.replace(year=now.year + 1),
    )
    drug_class = DrugClass.objects.create(name="Antidepressants", slug="antidepressants")
    shown = Drug.objects.create(name="Shown", slug="shown", drug_class=drug_class)
    Drug.objects.create(name="Hidden", slug="hidden", drug_class=drug_class, is_published=False)
    for manager, expected in ((Article.objects, public), (Drug.objects, shown)):
        for queryset in (manager.published(), manager.for_list(), manager.for_detail()):
            assert list(queryset) == [expected]


def test_markdown_fields_render_on_save_and_for_unsaved_previews_alike(db):
    tip = Tip.objects.create(title="Crisps", body="Salt & *vinegar*")
    assert tip.body_html == render_markdown("Salt & *vinegar*") == "<p>Salt &amp; <em>vinegar</em></p>"
    assert render_markdown_fields(Tip, {"title": "ignored", "body": "Salt & *vinegar*"}) == {
        "body_html": tip.body_html
    }
    assert render_markdown_fields(Tip, {"title": "no Markdown field here"}) == {}


def test_an_articles_preview_has_the_headings_and_word_count_its_save_stores(db):
    body = "# Why\n\nThree short words.\n\n## How\n\nTwo more."
    article = Article.objects.create(title="T", slug="t", summary="s", body=body, sources="- A source")
    preview = render_markdown_fields(Article, {"body": body, "sources": "- A source"})
    assert preview == {
        "body_html": article.body_html,
        "headings": article.headings,
        "word_count": article.word_count,
        "sources_html": article.sources_html,
    }
    assert [heading["text"] for heading in article.headings] == ["Why", "How"]
    assert article.word_count == 7


def test_a_partial_save_renders_only_the_sources_it_saves(db):
    drug_class = DrugClass.objects.create(name="Antidepressants", slug="antidepressants")
    drug = Drug.objects.create(name="D", slug="d", drug_class=drug_class, notes="*old*", sources="- one")
    drug.notes = "*new*"
    drug.save(update_fields=["notes"])
    drug.refresh_from_db()
    assert drug.notes_html == "<p><em>new</em></p>"
    drug.sources = "- two"
    drug.is_published = False
    drug.save(update_fields=["is_published"])
    drug.refresh_from_db()
    assert drug.sources_html == "<ul>\n<li>one</li>\n</ul>", (
        "sources were not saved, so neither is their HTML"
    )
