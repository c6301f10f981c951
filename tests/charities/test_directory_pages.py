import datetime
import json
import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from charities.models import Service, ServiceArea

pytestmark = pytest.mark.django_db

LIST_URL = reverse("charities:list")


def names_in(response) -> set[str]:
    return {service.organization.name for service in response.context["services"]}


@pytest.fixture
def directory(make_listing):
    return {
        "uk_helpline": make_listing(
            "Bristol Helpline",
            service_type=Service.Type.HELPLINE,
            country="GB",
            phone="0117 950 0020",
            drug_class_slugs=("benzodiazepines",),
        ),
        "pl_group": make_listing(
            "Wroclaw Group",
            service_type=Service.Type.PEER_SUPPORT,
            country="PL",
            languages="pl,en",
            drug_class_slugs=("antidepressants",),
        ),
        "forum": make_listing(
            "Global Forum",
            service_type=Service.Type.ONLINE_FORUM,
            country="",
            scope=ServiceArea.Scope.ONLINE,
            drug_class_slugs=("antidepressants", "benzodiazepines"),
        ),
        "defunct": make_listing("Closed Charity", status=Service.Status.DEFUNCT),
    }


def test_list_shows_listed_services_with_phone_link_area_and_verification(client, directory):
    response = client.get(LIST_URL)
    assert names_in(response) == {"Bristol Helpline", "Wroclaw Group", "Global Forum"}
    assertContains(response, 'href="tel:+441179500020"')
    assertContains(response, "0117 950 0020")
    assertContains(response, "United Kingdom, nationwide")
    assertContains(response, "Not yet verified")
    assertContains(response, 'class="context-disclaimer"')


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "GB"}, {"Bristol Helpline", "Global Forum"}),
        ({"country": "pl"}, {"Wroclaw Group", "Global Forum"}),
        ({"type": "helpline"}, {"Bristol Helpline"}),
        ({"type": "online_forum"}, {"Global Forum"}),
        ({"drug_class": "antidepressants"}, {"Wroclaw Group", "Global Forum"}),
        ({"language": "pl"}, {"Wroclaw Group"}),
        ({"language": "en"}, {"Bristol Helpline", "Wroclaw Group", "Global Forum"}),
        ({"q": "wroclaw"}, {"Wroclaw Group"}),
        ({"q": "About Global"}, {"Global Forum"}),
        ({"country": "GB", "drug_class": "benzodiazepines"}, {"Bristol Helpline", "Global Forum"}),
        ({"country": "GB", "drug_class": "benzodiazepines", "type": "helpline"}, {"Bristol Helpline"}),
        ({"country": "PL", "language": "pl", "drug_class": "antidepressants"}, {"Wroclaw Group"}),
    ],
)
def test_filters_alone_and_combined(client, directory, params, expected):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assert names_in(response) == expected


def test_country_filter_says_online_services_are_included(client, directory):
    response = client.get(LIST_URL, {"country": "PL"})
    assertContains(response, "Services in Poland, plus online and international services.")


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZ"},
        {"country": "Great Britain and more"},
        {"type": "spaceship"},
        {"drug_class": "not-a-class"},
        {"drug_class": "<script>"},
        {"language": "klingon"},
        {"open_now": "maybe"},
        {"page": "x"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": "x" * 500},
        {"country": "ZZ", "type": "x", "page": "x", "open_now": "maybe", "language": "%%%"},
    ],
)
def test_bad_filter_values_never_give_a_server_error(client, directory, params):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200


def test_a_bad_filter_is_ignored_but_good_ones_still_apply(client, directory):
    response = client.get(LIST_URL, {"country": "ZZ", "type": "helpline"})
    assert names_in(response) == {"Bristol Helpline"}
    assertContains(response, "We do not know that country code")


def test_pagination_keeps_the_filters(client, make_many):
    make_many(45)
    Service.objects.update(is_crisis_line=False)  # crisis lines have their own section, not paged
    response = client.get(LIST_URL, {"type": "helpline", "page": "2"})
    assert response.context["page_obj"].number == 2
    assertContains(response, "type=helpline&amp;page=3")


def test_detail_shows_services_jsonld_disclaimer_and_report_link(client, directory):
    organization = directory["uk_helpline"].organization
    response = client.get(reverse("charities:detail", args=[organization.slug]))
    assertContains(response, "<h1>Bristol Helpline</h1>", html=False)
    assertContains(response, 'href="tel:+441179500020"')
    assertContains(response, "Report a problem with this listing")
    assertContains(response, f"?target=charities.organization.{organization.pk}")
    assertContains(response, 'class="context-disclaimer"')
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "NGO"
    assert data["contactPoint"][0]["@type"] == "ContactPoint"
    assert data["contactPoint"][0]["telephone"] == "+441179500020"
    assert data["contactPoint"][0]["areaServed"] == ["GB"]


def test_detail_of_an_unlisted_organisation_is_not_found(client, directory):
    response = client.get(reverse("charities:detail", args=[directory["defunct"].organization.slug]))
    assert response.status_code == 404
    assert client.get(reverse("charities:detail", args=["no-such-listing"])).status_code == 404


def test_temporarily_closed_services_stay_listed_and_say_so(client, make_listing):
    make_listing("Paused Group", status=Service.Status.TEMPORARILY_CLOSED)
    response = client.get(LIST_URL)
    assertContains(response, "Paused Group")
    assertContains(response, "Temporarily closed")


def test_verification_wording(client, make_listing):
    today = datetime.date.today()
    make_listing("Fresh", last_verified=today - datetime.timedelta(days=30))
    make_listing("Old", last_verified=today - datetime.timedelta(days=400))
    make_listing("Never")
    content = client.get(LIST_URL).content.decode()
    fresh, old, never = (content.index(f">{name}<") for name in ("Fresh", "Old", "Never"))
    sections = sorted([(fresh, "Fresh"), (old, "Old"), (never, "Never")])
    chunks = {
        name: content[start : (sections[i + 1][0] if i + 1 < len(sections) else len(content))]
        for i, (start, name) in enumerate(sections)
    }
    assert "Last verified" in chunks["Fresh"] and "Possibly out of date" not in chunks["Fresh"]
    assert "Last verified" in chunks["Old"] and "Possibly out of date" in chunks["Old"]
    assert "Not yet verified" in chunks["Never"]


def test_crisis_page_groups_crisis_lines_by_country(client, make_listing):
    samaritans = make_listing("Samaritans", phone="116 123", country="GB", is_crisis_line=True)
    ServiceArea.objects.create(service=samaritans, country="IE")
    make_listing("Lifeline 988", phone="988", country="US", is_crisis_line=True)
    make_listing("Not a crisis line", phone="0117 950 0020", country="GB")
    response = client.get(reverse("charities:crisis"), HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.context["crisis_visitor"].code == "GB"
    groups = {
        country.name: [line.name for line in country.lines]
        for country in [response.context["crisis_visitor"], *response.context["crisis_others"]]
    }
    assert groups == {
        "Ireland": ["Samaritans"],
        "United Kingdom": ["Samaritans"],
        "United States": ["Lifeline 988"],
    }
    assertContains(response, 'href="tel:116123"', count=2)
    assertContains(response, 'href="tel:988"')
    assertNotContains(response, "Not a crisis line")
    assertContains(response, 'class="context-disclaimer"')
