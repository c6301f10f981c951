"""Pages that bring several apps together: tag pages, drug pages, the sitemap."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from charities.models import Service

pytestmark = pytest.mark.django_db


def test_tag_page_lists_every_published_content_type(
    client, make_article, make_tip, make_experience, make_link
):
    make_article(title="Sleep and tapering", tags=["sleep"])
    make_tip("Keep a sleep diary", tags=["sleep"])
    make_experience("Nights were the hardest", tags=["sleep"])
    make_link("A guide to sleep", tags=["sleep"])
    make_tip("An unapproved tip", tags=["sleep"], published=False)

    response = client.get(reverse("articles:tag", args=["sleep"]))
    for heading in ("Articles", "Tips", "Experiences", "Resource links"):
        assertContains(response, f">{heading}</h2>")
    for title in ("Sleep and tapering", "Keep a sleep diary", "Nights were the hardest", "A guide to sleep"):
        assertContains(response, title)
    assertNotContains(response, "An unapproved tip")


def test_tag_page_query_budget_is_fixed_across_types(client, make_tip, make_link, django_assert_num_queries):
    make_tip(tags=["sleep"])
    client.get(reverse("articles:tag", args=["sleep"]))  # warm caches
    with django_assert_num_queries(5):
        client.get(reverse("articles:tag", args=["sleep"]))
    for _ in range(25):
        make_tip(tags=["sleep"])
        make_link(tags=["sleep"])
    with django_assert_num_queries(5):
        client.get(reverse("articles:tag", args=["sleep"]))


def test_sitemap_lists_tags_used_only_by_published_community_content(client, make_tip):
    make_tip("Walking helps", tags=["walking"])
    make_tip("Hidden", tags=["secret-tag"], published=False)
    response = client.get("/sitemap.xml")
    assertContains(response, "/tags/walking/")
    assertNotContains(response, "/tags/secret-tag/")


def test_drug_page_lists_directory_listings_for_its_class(client, drug, make_listing):
    make_listing("Antidepressant Withdrawal Support", drug_class_slugs=("antidepressants",))
    make_listing("Benzo Help Line", drug_class_slugs=("benzodiazepines",))
    make_listing("Closed For Good", drug_class_slugs=("antidepressants",), status=Service.Status.DEFUNCT)

    response = client.get(drug.get_absolute_url())
    assertContains(response, "Support in the directory")
    assertContains(response, "Antidepressant Withdrawal Support")
    assertNotContains(response, "Benzo Help Line")
    assertNotContains(response, "Closed For Good")


def test_drug_page_query_budget_does_not_grow_with_listings(
    client, drug, make_listing, django_assert_num_queries
):
    make_listing(drug_class_slugs=("antidepressants",))
    client.get(drug.get_absolute_url())  # warm caches
    with django_assert_num_queries(6) as baseline:
        client.get(drug.get_absolute_url())
    for _ in range(20):
        make_listing(drug_class_slugs=("antidepressants",))
    with django_assert_num_queries(len(baseline.captured_queries)):
        client.get(drug.get_absolute_url())
