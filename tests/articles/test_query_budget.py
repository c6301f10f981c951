"""Every public page runs the same number of queries however many articles and tags exist.

Each test warms the per-process caches (content types, the disclaimer) with one
request, measures the page with 5 articles, adds 45 more, and checks the count
is exactly the same, and equal to the budget written here.
"""

import pytest

from tests.queries import count_queries

pytestmark = pytest.mark.django_db

TAGS = ["tapering", "support", "antidepressants", "benzodiazepines", "prescribers"]

# After warm-up: list = count + page + tags of the page + tags for the filter.
LIST_QUERIES = 4
LIST_WITH_TAG_QUERIES = 5  # plus looking up the tag
# Detail = the article + its tags + related articles.
DETAIL_QUERIES = 4  # article, tags, related, versions in other languages ("Also in")
# Tag page = the tag + one query per content-type section.
TAG_QUERIES = 5  # the tag, then one query per content type
FEED_QUERIES = 2  # items + their tags
SITEMAP_QUERIES = 3  # articles (paginator count + page) + tags in use


def add_articles(make_article, number):
    return [
        make_article(tags=TAGS, body="## One\n\nx\n\n## Two\n\ny\n\n## Three\n\nz") for _ in range(number)
    ]


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/articles/", LIST_QUERIES),
        ("/articles/?page=2", LIST_QUERIES),
        ("/articles/?tag=support", LIST_WITH_TAG_QUERIES),
        ("/tags/support/", TAG_QUERIES),
        ("/feeds/articles/", FEED_QUERIES),
    ],
)
def test_list_pages_do_not_grow_with_articles(client, make_article, django_assert_num_queries, url, budget):
    add_articles(make_article, 5)
    if "page=2" in url:
        add_articles(make_article, 6)  # a second page must exist with few articles too
    with_few = count_queries(client, url)
    add_articles(make_article, 45)
    with django_assert_num_queries(with_few):
        client.get(url)
    if budget is not None:
        assert with_few == budget


def test_detail_page_does_not_grow_with_articles(client, make_article, django_assert_num_queries):
    first, *_others = add_articles(make_article, 5)
    url = first.get_absolute_url()
    with_few = count_queries(client, url)
    add_articles(make_article, 45)
    with django_assert_num_queries(with_few):
        response = client.get(url)
    assert len(response.context["related_articles"]) == 3
    assert with_few == DETAIL_QUERIES


def test_sitemap_does_not_grow_with_articles(client, make_article, django_assert_num_queries):
    add_articles(make_article, 5)
    with_few = count_queries(client, "/sitemap.xml")
    add_articles(make_article, 45)
    with django_assert_num_queries(with_few):
        client.get("/sitemap.xml")
