"""Search over the real content models: what is published is found, nothing else."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from resources.models import Tip
from withdrawal_site.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def search(client, query: str, **params):
    response = client.get(reverse("search:results"), {"q": query, **params})
    assert response.status_code == 200
    return response


def test_brand_name_and_typo_find_the_drug(client, drug):
    assertContains(search(client, "Zoloft"), f'href="{drug.get_absolute_url()}"')
    assertContains(search(client, "sertralin"), f'href="{drug.get_absolute_url()}"')


def test_publishing_and_unpublishing_a_tip_updates_search_at_once(client, make_tip):
    tip = make_tip("Chamomile tea in the evening", body="A *warm* drink before bed.")
    assertContains(search(client, "chamomile"), f'href="{tip.get_absolute_url()}"')

    tip.status = Tip.Status.UNPUBLISHED
    tip.save()
    assertNotContains(search(client, "chamomile"), f'href="{tip.get_absolute_url()}"')


def test_draft_tips_are_never_found(client, make_tip):
    draft = make_tip("A secret draft about chamomile", published=False)
    assertNotContains(search(client, "chamomile"), draft.get_absolute_url())


def test_british_and_american_spellings_find_the_same_article(client, make_article):
    article = make_article(title="Coming off a tranquilliser", body="Notes on tranquillisers.")
    for query in ("tranquilliser", "tranquilizer"):
        assertContains(search(client, query), f'href="{article.get_absolute_url()}"')


def test_directory_listings_are_searchable_and_filterable_by_type(client, make_listing, make_article):
    service = make_listing("Harbour Withdrawal Helpline")
    make_article(title="Harbour walks as a coping strategy")
    response = search(client, "harbour", type="listing")
    assertContains(response, f'href="{service.organization.get_absolute_url()}"')
    assertNotContains(response, "Harbour walks as a coping strategy")


def test_approving_a_contribution_makes_it_findable(client, editor, drug_classes):
    from moderation import services

    submission = services.submit(
        kind="tip",
        data={"title": "Lavender on the pillow", "body": "It calmed me.", "drug_classes": []},
    )
    assertNotContains(search(client, "lavender"), "Lavender on the pillow</a>")
    services.decide(submission_id=submission.pk, editor=editor, action="approve")
    assertContains(search(client, "lavender"), "Lavender on the pillow")


def test_a_listing_leaves_search_when_its_only_service_closes(client, make_listing):
    from charities.models import Service

    service = make_listing("Lighthouse Peer Group")
    url = service.organization.get_absolute_url()
    assertContains(search(client, "lighthouse"), f'href="{url}"')
    service.status = Service.Status.DEFUNCT
    service.save()
    assertNotContains(search(client, "lighthouse"), f'href="{url}"')
    service.delete()
    assertNotContains(search(client, "lighthouse"), f'href="{url}"')


def test_the_drug_page_comes_before_stories_that_mention_it(client, make_drug, make_experience):
    diazepam = make_drug("Diazepam", other_names="Valium")
    make_experience("Switching to diazepam before stopping lorazepam")
    response = search(client, "diazepam")
    content = response.content.decode()
    assert content.index(f'href="{diazepam.get_absolute_url()}"') < content.index("Switching to diazepam")


def test_a_new_phone_moves_the_organisation_page_date(make_listing):
    from charities.models import Organization, Phone

    service = make_listing("Evening Line")
    before = Organization.objects.get(pk=service.organization_id).updated_at
    Phone.objects.create(service=service, number="0117 950 0020", country="GB")
    assert Organization.objects.get(pk=service.organization_id).updated_at > before


def test_a_tip_is_indexed_and_shown_as_written_not_as_html_entities(client, make_tip):
    tip = make_tip("Crisps", body="Salt & vinegar <3")
    assert tip.search_document().body == "Salt & vinegar <3"
    entry = SearchEntry.objects.get(url=tip.get_absolute_url())
    assert (entry.summary, entry.body) == ("Salt & vinegar <3", "Salt & vinegar <3")
    response = search(client, "vinegar")
    assertContains(response, f'href="{tip.get_absolute_url()}"')
    snippet = re.search(r'<p[^>]*class="search-snippet">(.*?)</p>', response.content.decode(), re.S).group(1)
    assert "Salt &amp;" in snippet and "&lt;3" in snippet
    assert "&amp;amp;" not in snippet and "&amp;lt;" not in snippet
