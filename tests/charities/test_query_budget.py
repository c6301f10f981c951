"""The directory pages cost the same number of queries for 3 organisations as for 300."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from charities.models import Organization, Service
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


PAGES = [
    ("charities:list", {}),
    ("charities:list", {"country": "GB", "drug_class": "benzodiazepines", "language": "pl", "open_now": "1"}),
    ("charities:list", {"q": "bulk", "type": "helpline", "page": "2"}),
    ("charities:crisis", {}),
]


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_list_pages_do_not_grow_with_the_directory(client, make_many, name, params):
    make_many(3)
    small = count_queries(client, reverse(name), params)
    make_many(297)
    assert count_queries(client, reverse(name), params) == small
    assert small <= 10


def test_detail_page_does_not_grow_with_the_directory(client, make_many):
    make_many(3)
    slug = Organization.objects.first().slug
    small = count_queries(client, reverse("charities:detail", args=[slug]))
    make_many(297)
    assert count_queries(client, reverse("charities:detail", args=[slug])) == small
    assert small <= 8


def test_detail_page_with_many_services_has_a_fixed_budget(client, make_many, django_assert_max_num_queries):
    make_many(1)
    organization = Organization.objects.get()
    for _ in range(30):
        service = Service.objects.first()
        phones, areas = list(service.phones.all()), list(service.areas.all())
        service.pk = None
        service.save()
        for phone in phones:
            phone.pk, phone.service = None, service
            phone.save()
        for area in areas:
            area.pk, area.service = None, service
            area.save()
    client.get(reverse("charities:detail", args=[organization.slug]))
    with django_assert_max_num_queries(8):
        client.get(reverse("charities:detail", args=[organization.slug]))


def test_queryset_methods_for_the_lead_have_fixed_counts(make_many, django_assert_num_queries, drug_classes):
    make_many(300)
    # organisations, services, phones, schedules, areas, drug classes
    with django_assert_num_queries(6):
        for organization in Organization.objects.for_list():
            for service in organization.listed_services:
                list(service.phones.all())
                list(service.drug_classes.all())
    # A pure filter: the drug page lists names only, so nothing is prefetched.
    with django_assert_num_queries(1):
        list(Organization.objects.for_drug_class(drug_classes["benzodiazepines"]))


def test_the_crisis_section_of_the_directory_has_a_fixed_budget(client, make_many):
    make_many(3)
    url = reverse("charities:list")
    client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB")
    with CaptureQueriesContext(connection) as few:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.context["crisis_lines"], "the crisis section must be on the page for this to count"
    make_many(297)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert len(response.context["crisis_lines"]) == 6
    assert len(many.captured_queries) == len(few.captured_queries) <= 10
