"""A listing and a `/resources/` link for the same organisation point to each other (issue 14)."""

import pytest
from django.db.models import Q
from pytest_django.asserts import assertContains, assertNotContains

from charities.cross_links import host_of
from charities.models import Organization, Service
from resources.models import ResourceLink

pytestmark = pytest.mark.django_db


def make_link(title: str, url: str, *, status=ResourceLink.Status.PUBLISHED) -> ResourceLink:
    return ResourceLink.objects.create(
        title=title, slug=title.lower().replace(" ", "-"), url=url, status=status
    )


def test_host_ignores_www_case_and_paths():
    assert host_of("https://www.Benzo.org.uk/manual/") == "benzo.org.uk"
    assert host_of("not a url") == ""
    assert host_of("http://[bad") == ""


def test_same_web_host_links_both_ways(client, make_listing):
    service = make_listing("BenzoBuddies community", service_type=Service.Type.ONLINE_FORUM)
    service.organization.website = "https://www.benzobuddies.org/"
    service.organization.save()
    link = make_link("BenzoBuddies", "https://benzobuddies.org/forum/")

    link_page = client.get(link.get_absolute_url())
    assertContains(link_page, "Also in the support directory:")
    assertContains(link_page, f'href="{service.organization.get_absolute_url()}"')

    listing_page = client.get(service.organization.get_absolute_url())
    assertContains(listing_page, "See their resources")
    assertContains(listing_page, f'href="{link.get_absolute_url()}"')


def test_same_name_links_both_ways_even_without_a_shared_host(client, make_listing):
    service = make_listing("Inner Compass Initiative")
    service.url = "https://theinnercompass.org/"
    service.save()
    link = make_link("Inner Compass Initiative", "https://withdrawal.example.org/")
    assertContains(client.get(link.get_absolute_url()), f'href="{service.organization.get_absolute_url()}"')
    assertContains(client.get(service.organization.get_absolute_url()), f'href="{link.get_absolute_url()}"')


def test_unrelated_unpublished_or_unlisted_ones_are_not_linked(client, make_listing):
    listed = make_listing("Taper Line")
    listed.organization.website = "https://taperline.example.org/"
    listed.organization.save()
    make_link("Taper Line draft", "https://taperline.example.org/guide", status=ResourceLink.Status.DRAFT)
    other = make_link("Another guide", "https://another.example.org/")
    closed = make_listing("Gone Group", status=Service.Status.DEFUNCT)
    closed.organization.website = "https://gone.example.org/"
    closed.organization.save()
    gone_link = make_link("Gone guide", "https://gone.example.org/guide")

    assertNotContains(client.get(listed.organization.get_absolute_url()), "See their resources")
    assertNotContains(client.get(other.get_absolute_url()), "Also in the support directory")
    assertNotContains(client.get(gone_link.get_absolute_url()), "Also in the support directory")


def test_the_seed_data_cross_links_its_overlapping_organisations(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    link = ResourceLink.objects.get(slug="survivingantidepressants-org")
    response = client.get(link.get_absolute_url())
    assertContains(response, "Also in the support directory:")
    url = "https://www.survivingantidepressants.org/"
    listing = Organization.objects.filter(Q(website=url) | Q(services__url=url)).distinct().get()
    assertContains(response, f'href="{listing.get_absolute_url()}"')
    assertContains(client.get(listing.get_absolute_url()), f'href="{link.get_absolute_url()}"')


def test_cross_links_cost_a_fixed_number_of_queries(client, make_listing):
    from tests.charities.test_query_budget import count_queries

    service = make_listing("BenzoBuddies", service_type=Service.Type.ONLINE_FORUM)
    service.organization.website = "https://www.benzobuddies.org/"
    service.organization.save()
    link = make_link("BenzoBuddies forum", "https://benzobuddies.org/forum/")
    listing_url = service.organization.get_absolute_url()
    client.get(listing_url), client.get(link.get_absolute_url())  # warm the disclaimer cache
    few = count_queries(client, listing_url), count_queries(client, link.get_absolute_url())

    for number in range(10):
        make_link(f"BenzoBuddies page {number}", f"https://www.benzobuddies.org/page-{number}")
        extra = make_listing(f"BenzoBuddies chapter {number}")
        extra.url = f"https://benzobuddies.org/chapter-{number}"
        extra.save()
    many = count_queries(client, listing_url), count_queries(client, link.get_absolute_url())
    assertContains(client.get(link.get_absolute_url()), "BenzoBuddies chapter 9")
    assertContains(client.get(listing_url), "BenzoBuddies page 9")
    assert many == few
