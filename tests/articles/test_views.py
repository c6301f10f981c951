import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article

pytestmark = pytest.mark.django_db

LIST_URL = "/articles/"


def test_url_names():
    assert reverse("articles:list") == "/articles/"
    assert reverse("articles:detail", args=["x"]) == "/articles/x/"
    assert reverse("articles:tag", args=["x"]) == "/tags/x/"
    assert reverse("articles:feed") == "/feeds/articles/"


# --- published() everywhere -------------------------------------------------------------------


def test_list_shows_only_published(client, published_article, draft_article, future_article):
    response = client.get(LIST_URL)
    assertContains(response, "Why people taper slowly")
    assertNotContains(response, "A secret draft")
    assertNotContains(response, "Not yet out")


def test_detail_of_draft_or_future_article_is_404(client, draft_article, future_article):
    assert client.get(draft_article.get_absolute_url()).status_code == 404
    assert client.get(future_article.get_absolute_url()).status_code == 404


def test_detail_of_draft_is_404_even_for_editors(editor_client, draft_article):
    assert editor_client.get(draft_article.get_absolute_url()).status_code == 404


def test_tag_page_shows_only_published(client, published_article, draft_article, future_article):
    response = client.get("/tags/tapering/")
    assertContains(response, "Why people taper slowly")
    assertNotContains(response, "A secret draft")
    assertNotContains(response, "Not yet out")


def test_feed_shows_only_published(client, published_article, draft_article, future_article):
    response = client.get("/feeds/articles/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    content = response.content.decode()
    assert "<feed" in content
    assert "Why people taper slowly" in content
    assert f"http://testserver{published_article.get_absolute_url()}" in content
    assert 'term="tapering"' in content
    assert "A secret draft" not in content
    assert "Not yet out" not in content


def test_feed_holds_the_latest_twenty(client, make_article):
    for _ in range(25):
        make_article()
    content = client.get("/feeds/articles/").content.decode()
    assert content.count("<entry>") == 20
    assert "Article number" in content


def test_sitemap_lists_published_articles_tags_and_index(
    client, published_article, draft_article, future_article
):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    assert f"http://testserver{published_article.get_absolute_url()}" in content
    assert "http://testserver/articles/</loc>" in content
    assert "http://testserver/tags/tapering/</loc>" in content
    assert draft_article.get_absolute_url() not in content
    assert future_article.get_absolute_url() not in content


def test_sitemap_leaves_out_tags_used_only_by_drafts(client, make_article):
    make_article(status=Article.Status.DRAFT, tags=["only-in-drafts"])
    assert "only-in-drafts" not in client.get("/sitemap.xml").content.decode()


# --- list ---------------------------------------------------------------------------------------


def test_list_is_paginated_newest_first(client, make_article):
    for days in range(1, 24):
        make_article(title=f"Day {days:02d} article", published_at=timezone.now() - timedelta(days=days))
    first = client.get(LIST_URL)
    titles = re.findall(r"Day (\d\d) article</a>", first.content.decode())
    assert titles == [f"{day:02d}" for day in range(1, 11)]
    assertContains(first, "Page 1 of 3")
    third = client.get(LIST_URL, {"page": 3})
    assert re.findall(r"Day (\d\d) article</a>", third.content.decode()) == ["21", "22", "23"]


def test_list_filters_by_tag(client, make_article):
    make_article(title="About benzodiazepines", tags=["benzodiazepines"])
    make_article(title="About support", tags=["support"])
    response = client.get(LIST_URL, {"tag": "benzodiazepines"})
    assertContains(response, "About benzodiazepines")
    assertNotContains(response, "About support</a>")
    assertContains(response, "Articles tagged “benzodiazepines”")
    assertContains(response, 'aria-current="page">benzodiazepines')


def test_list_tag_filter_offers_only_tags_in_published_use(client, make_article):
    make_article(tags=["visible-tag"])
    make_article(status=Article.Status.DRAFT, tags=["draft-tag"])
    response = client.get(LIST_URL)
    assertContains(response, "?tag=visible-tag")
    assertNotContains(response, "draft-tag")


def test_pagination_keeps_the_tag_filter(client, make_article):
    for _ in range(12):
        make_article(tags=["support"])
    response = client.get(LIST_URL, {"tag": "support"})
    assertContains(response, "?tag=support&amp;page=2")


@pytest.mark.parametrize(
    "params",
    [{"page": "abc"}, {"page": "99999"}, {"page": "-1"}, {"page": "0"}, {"page": ""}, {"tag": ""}],
)
def test_list_bad_page_input_is_never_a_server_error(client, published_article, params):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assertContains(response, "Why people taper slowly")


@pytest.mark.parametrize("tag", ["no-such-tag", "<script>", "x" * 500, "é"])
def test_list_unknown_tag_is_404(client, published_article, tag):
    assert client.get(LIST_URL, {"tag": tag}).status_code == 404


def test_empty_list_says_so(client):
    assertContains(client.get(LIST_URL), "There are no articles here yet.")


# --- detail -------------------------------------------------------------------------------------


def test_detail_shows_everything_a_reader_needs(client, published_article, make_article):
    related = make_article(title="Related by tapering", tags=["tapering"])
    make_article(title="Unrelated piece", tags=["other"])
    response = client.get(published_article.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, "<h1>Why people taper slowly</h1>", html=False)
    assertContains(response, "By The editors")
    assertContains(response, "1 minute read")
    last_reviewed = published_article.last_reviewed
    assertContains(response, f'Page last reviewed: <time datetime="{last_reviewed:%Y-%m-%d}">')
    # Table of contents with heading anchors.
    assertContains(response, 'class="toc"')
    assertContains(response, '<a href="#section-first-part">First part</a>', html=False)
    assertContains(response, 'id="section-first-part"')
    # Sources, tags, related, disclaimer, correction link.
    assertContains(response, "Horowitz &amp; Taylor, Lancet Psychiatry 2019")
    assertContains(response, 'href="/tags/tapering/"')
    assertContains(response, related.get_absolute_url())
    assertNotContains(response, "Unrelated piece")
    assertContains(response, 'class="context-disclaimer"')
    assertContains(response, "/contribute/correction/?target=articles.article.")


def test_detail_has_canonical_open_graph_and_json_ld(client, published_article):
    response = client.get(published_article.get_absolute_url() + "?utm_source=x")
    url = f"http://testserver{published_article.get_absolute_url()}"
    assertContains(response, f'<link rel="canonical" href="{url}">', html=False)
    assertContains(response, f'<meta property="og:url" content="{url}">', html=False)
    assertContains(response, '<meta property="og:title" content="Why people taper slowly">', html=False)
    assertContains(response, '<meta property="og:type" content="article">', html=False)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == published_article.last_reviewed.isoformat()
    assert data["url"] == url
    assert data["name"] == "Why people taper slowly"
    assert sorted(data["keywords"]) == ["antidepressants", "tapering"]


def test_short_article_has_no_table_of_contents_or_review_date(client, make_article):
    article = make_article(body="## Only one heading\n\nText.")
    response = client.get(article.get_absolute_url())
    assertNotContains(response, 'class="toc"')
    assertContains(response, "An editor has not reviewed this page yet.", count=1)


def test_detail_unknown_slug_is_404(client):
    assert client.get("/articles/no-such-article/").status_code == 404


def test_detail_of_article_without_tags_has_no_related_section(client, make_article):
    article = make_article()
    make_article()
    assertNotContains(client.get(article.get_absolute_url()), "Related articles")


# --- tag page -----------------------------------------------------------------------------------


def test_tag_page_lists_articles_with_the_tag(client, make_article):
    make_article(title="Tagged one", tags=["support"])
    make_article(title="Other one", tags=["tapering"])
    response = client.get("/tags/support/")
    assertContains(response, "Tagged “support”")
    assertContains(response, "Tagged one")
    assertNotContains(response, "Other one")
    assertContains(response, '<link rel="canonical" href="http://testserver/tags/support/">', html=False)


def test_tag_page_links_to_the_full_list_when_long(client, make_article):
    for _ in range(21):
        make_article(tags=["support"])
    response = client.get("/tags/support/")
    assert response.content.decode().count('<h3><a href="/articles/') == 20
    assertContains(response, 'href="/articles/?tag=support"')


def test_tag_page_of_a_tag_used_only_by_drafts_is_empty_not_an_error(client, draft_article):
    response = client.get("/tags/tapering/")
    assert response.status_code == 200
    assertContains(response, "Nothing published has this tag yet.")
    assertNotContains(response, "A secret draft")


@pytest.mark.parametrize("slug", ["no-such-tag", "%3Cscript%3E", "polskie-znaki-ąę"])
def test_tag_page_unknown_tag_is_404(client, slug):
    assert client.get(f"/tags/{slug}/").status_code == 404


def test_tag_page_handles_unicode_slugs(client, make_article):
    make_article(title="Po polsku", tags=["odstawianie leków"])
    slug = Article.objects.get(title="Po polsku").tags.get().slug
    response = client.get(reverse("articles:tag", args=[slug]))
    assertContains(response, "Po polsku")


def test_list_canonical_keeps_tag_and_page_and_drops_the_rest(client, make_article):
    for _ in range(11):
        make_article(tags=["support"])
    response = client.get(LIST_URL, {"tag": "support", "page": "2", "utm_source": "x"})
    assertContains(
        response,
        '<link rel="canonical" href="http://testserver/articles/?tag=support&amp;page=2">',
        html=False,
    )
    response = client.get(LIST_URL, {"page": "1"})
    assertContains(response, '<link rel="canonical" href="http://testserver/articles/">', html=False)
    assertContains(response, 'href="/feeds/articles/"')
