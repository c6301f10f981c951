import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains


@pytest.mark.django_db
def test_home_shows_the_latest_published_articles_only(client, make_article, draft_article, future_article):
    for number in range(5):
        make_article(title=f"Home article {number}")
    response = client.get(reverse("home"))
    assertContains(response, "Latest articles")
    for number in range(3):  # newest three
        assertContains(response, f"Home article {number}")
    assertNotContains(response, "Home article 3")
    assertNotContains(response, draft_article.title)
    assertNotContains(response, future_article.title)


@pytest.mark.django_db
def test_home_query_budget_does_not_grow(client, make_article, django_assert_num_queries):
    client.get(reverse("home"))  # warm caches
    make_article(title="One")
    with django_assert_num_queries(1):  # the three latest articles; the cards show no tags
        client.get(reverse("home"))
    for number in range(30):
        make_article(title=f"More {number}")
    with django_assert_num_queries(1):  # the three latest articles; the cards show no tags
        client.get(reverse("home"))
