"""Every list and detail page costs the same number of queries however many items it shows."""

import pytest
from django.urls import reverse

from resources.models import Drug, TaperingMethod
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def populate(make_drug, make_method, make_tip, make_experience, make_link, benzo_class, drug):
    """Add `count` more of everything, all linked to the antidepressant class and to `drug`."""

    def add(count: int) -> None:
        start = Drug.objects.count()
        for number in range(start, start + count):
            make_drug(f"Drug {number}", drug_class=benzo_class if number % 2 else drug.drug_class)
            make_method(f"Method {number}")
            make_tip(f"Tip {number}", tags=(f"tag-{number}", "common"))
            make_experience(f"Experience {number}", tags=(f"story-{number}",))
            make_link(f"Link {number}", tags=(f"link-{number}",))

    return add


PAGES = [
    "resources:drug_list",
    "resources:method_list",
    "resources:tip_list",
    "resources:experience_list",
    "resources:link_list",
]


@pytest.mark.parametrize("name", PAGES)
def test_list_pages_do_not_grow(client, populate, name):
    urls = [reverse(name) + query for query in ["", "?drug_class=antidepressants", "?tag=common"]]
    populate(3)
    few = [count_queries(client, url) for url in urls]
    populate(40)
    assert [count_queries(client, url) for url in urls] == few
    assert max(few) <= 8, few


def test_detail_pages_do_not_grow(client, populate, drug):
    from resources.models import Experience, ResourceLink, Tip

    populate(3)
    urls = lambda: [  # noqa: E731
        drug.get_absolute_url(),
        TaperingMethod.objects.first().get_absolute_url(),
        Tip.objects.first().get_absolute_url(),
        Experience.objects.first().get_absolute_url(),
        ResourceLink.objects.first().get_absolute_url(),
    ]
    few = [count_queries(client, url) for url in urls()]
    populate(40)
    # Give the first items many relations too, so the detail pages must list them.
    experience = Experience.objects.first()
    experience.drugs.set(Drug.objects.all())
    tip = Tip.objects.first()
    tip.tags.add(*[f"extra-{number}" for number in range(20)])
    many = [count_queries(client, url) for url in urls()]
    assert many == few
    assert max(few) <= 8, few


def test_drug_page_budget_with_many_related_items(client, populate, drug, django_assert_max_num_queries):
    populate(40)
    client.get(drug.get_absolute_url())
    # The drug, its methods, tips, experiences, resource links and directory listings.
    with django_assert_max_num_queries(6):
        client.get(drug.get_absolute_url())
