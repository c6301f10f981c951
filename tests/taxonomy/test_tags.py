"""Tags across every content type: the tag page, the lists' tag filters, the sitemap, the admin filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from resources.models import Experience, ResourceLink, Tip
from taxonomy.registry import tagged_types
from taxonomy.tags import tags_in_use
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db


def test_every_tagged_type_is_registered_in_reading_order():
    assert [tagged_type.model for tagged_type in tagged_types()] == [Article, Tip, Experience, ResourceLink]


def test_tag_page_lives_in_taxonomy_and_the_old_name_still_reverses():
    assert reverse("taxonomy:tag", args=["sleep"]) == "/tags/sleep/"
    assert reverse("articles:tag", args=["sleep"]) == "/tags/sleep/"
    assert reverse("taxonomy:tag", args=["sleep"]).startswith("/tags/")


def test_tag_page_sections_follow_the_registry_and_skip_unpublished(
    client, make_article, make_tip, make_experience, make_link
):
    make_article(title="An article on sleep", tags=["sleep"])
    make_article(title="A draft on sleep", tags=["sleep"], status=Article.Status.DRAFT)
    make_experience("Nights were the hardest", tags=["sleep"])
    make_link("A guide to sleep", tags=["sleep"], published=False)

    html = client.get("/tags/sleep/").content.decode()

    assert html.index(">Articles</h2>") < html.index(">Experiences</h2>")
    assert ">Tips</h2>" not in html
    assert ">Resource links</h2>" not in html
    assert "A draft on sleep" not in html
    assert "A guide to sleep" not in html


def test_tag_page_links_to_the_full_list_when_a_section_overflows(client, make_tip):
    for _ in range(21):
        make_tip(tags=["sleep"])
    response = client.get("/tags/sleep/")
    assertContains(response, f"{reverse('resources:tip_list')}?tag=sleep")


def test_tag_page_query_budget_holds_with_every_type_growing(
    client, make_article, make_tip, make_experience, make_link, django_assert_num_queries
):
    def add_one_of_each():
        make_article(tags=["sleep"])
        make_tip(tags=["sleep"])
        make_experience(tags=["sleep"])
        make_link(tags=["sleep"])

    add_one_of_each()
    client.get("/tags/sleep/")  # warm the disclaimer cache, as on a live site
    # The tag, then one query for each of the four types.
    with django_assert_num_queries(5):
        assert client.get("/tags/sleep/").status_code == 200
    for _ in range(15):
        add_one_of_each()
    with django_assert_num_queries(5):
        assert client.get("/tags/sleep/").status_code == 200


def test_tags_in_use_counts_only_the_given_published_items(make_article, make_tip, make_link):
    make_article(tags=["sleep", "diet"])
    make_article(tags=["sleep"])
    make_article(tags=["secret"], status=Article.Status.DRAFT)
    make_tip(tags=["sleep", "walking"])
    make_link(tags=["hidden"], published=False)

    articles = {tag.name: tag.item_count for tag in tags_in_use(Article.objects.published())}
    assert articles == {"diet": 1, "sleep": 2}

    everything = tags_in_use(
        Article.objects.published(), Tip.objects.published(), ResourceLink.objects.published()
    )
    assert [tag.name for tag in everything] == ["diet", "sleep", "walking"]
    assert {tag.name: tag.item_count for tag in everything}["sleep"] == 3
    assert list(tags_in_use()) == []


@pytest.mark.parametrize(
    ("url_name", "maker"),
    [
        ("articles:list", "make_article"),
        ("resources:tip_list", "make_tip"),
        ("resources:experience_list", "make_experience"),
        ("resources:link_list", "make_link"),
    ],
)
def test_list_tag_filter_offers_only_tags_in_use_with_a_fixed_query_budget(client, request, url_name, maker):
    make = request.getfixturevalue(maker)

    def add(number):
        if maker == "make_article":
            make(tags=[f"topic-{number}"])
            make(tags=[f"draft-only-{number}"], status=Article.Status.DRAFT)
        else:
            make(tags=[f"topic-{number}"])
            make(tags=[f"draft-only-{number}"], published=False)

    add(0)
    url = reverse(url_name)
    client.get(url)  # warm the disclaimer cache, as on a live site
    baseline = len(_queries(client, url))
    for number in range(1, 12):
        add(number)
    response = client.get(url)
    assertContains(response, "topic-0")
    assertContains(response, "topic-11")
    assertNotContains(response, "draft-only-")
    assert len(_queries(client, url)) == baseline


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return context.captured_queries


def test_sitemap_lists_tags_of_every_published_type_once(client, make_article, make_experience, make_link):
    make_article(tags=["shared"])
    make_experience(tags=["shared", "story"])
    make_link(tags=["guide-only"])
    make_link(tags=["unapproved"], published=False)
    make_article(tags=["drafted"], status=Article.Status.DRAFT)

    body = client.get("/sitemap.xml").content.decode()
    assert body.count("<loc>http://testserver/tags/shared/</loc>") == 1
    for slug in ("story", "guide-only"):
        assert f"/tags/{slug}/" in body
    for slug in ("unapproved", "drafted"):
        assert f"/tags/{slug}/" not in body


def test_admin_tag_filter_offers_article_tags_drafts_included_and_no_tip_tags(
    client, editor, make_article, make_tip
):
    make_article(tags=["published-topic"])
    make_article(tags=["draft-topic"], status=Article.Status.DRAFT)
    make_tip(tags=["tip-topic"])
    verified_login(client, editor)

    response = client.get(reverse("admin:articles_article_changelist"))
    assertContains(response, "?tag=published-topic")
    assertContains(response, "?tag=draft-topic")
    assertNotContains(response, "tip-topic")

    filtered = client.get(reverse("admin:articles_article_changelist"), {"tag": "draft-topic"})
    assert filtered.context["cl"].result_count == 1
