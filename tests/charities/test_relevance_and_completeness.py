"""Issue 14: all-drugs services, wider search with a plain fallback, country-first order,
complete listings (a way in and a description), admin verification with a note, links after approval."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from charities import demo
from charities.models import Service, ServiceArea, Verification
from resources.models import Drug

pytestmark = pytest.mark.django_db

LIST_URL = reverse("charities:list")


def names_in(response) -> list[str]:
    return [service.display_name for service in response.context["services"]]


@pytest.fixture
def uk_directory(make_listing):
    return {
        "all_drugs": make_listing("Every Drug Charity", country="GB", phone="0117 950 0020"),
        "benzo": make_listing(
            "Manchester Benzo Group",
            service_type=Service.Type.PEER_SUPPORT,
            scope=ServiceArea.Scope.REGIONAL,
            area_description="Manchester, England",
            drug_class_slugs=("benzodiazepines",),
        ),
        "ad": make_listing(
            "Antidepressant Helpline",
            service_type=Service.Type.HELPLINE,
            drug_class_slugs=("antidepressants",),
        ),
        "us": make_listing("American Line", country="US", drug_class_slugs=("antidepressants",)),
    }


def test_a_service_for_all_drugs_matches_every_drug_class_filter(client, uk_directory):
    for slug in ("antidepressants", "benzodiazepines", "z-drugs"):
        names = names_in(client.get(LIST_URL, {"country": "GB", "drug_class": slug}))
        assert "Every Drug Charity" in names
    assert "Manchester Benzo Group" not in names_in(client.get(LIST_URL, {"drug_class": "antidepressants"}))
    assertContains(client.get(LIST_URL), "All psychiatric drugs")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Manchester", {"Manchester Benzo Group"}),
        ("helpline", {"Antidepressant Helpline"}),
        ("helplines", {"Antidepressant Helpline"}),
        ("peer support", {"Manchester Benzo Group"}),
        (
            "English",
            {"Every Drug Charity", "Manchester Benzo Group", "Antidepressant Helpline", "American Line"},
        ),
        ("Benzodiazepines", {"Manchester Benzo Group", "Every Drug Charity"}),
    ],
)
def test_search_by_town_type_language_and_drug_class(client, uk_directory, query, expected):
    assert set(names_in(client.get(LIST_URL, {"q": query}))) == expected


def test_search_by_drug_name_brand_or_generic_finds_its_class_and_all_drug_services(
    client, uk_directory, drug_classes
):
    Drug.objects.create(
        name="Sertraline",
        slug="sertraline",
        drug_class=drug_classes["antidepressants"],
        other_names="Zoloft, Lustral",
    )
    Drug.objects.update(**{field: value for field, value in published_fields().items()})
    for query in ("sertraline", "Lustral"):
        names = set(names_in(client.get(LIST_URL, {"q": query})))
        assert names == {"Antidepressant Helpline", "American Line", "Every Drug Charity"}


def published_fields() -> dict:
    field_names = {field.name for field in Drug._meta.get_fields()}
    return {"status": "published"} if "status" in field_names else {}


def test_when_nothing_local_matches_it_says_so_and_shows_national_then_online(client, make_listing):
    make_listing("Bristol Group", country="GB", scope=ServiceArea.Scope.REGIONAL, area_description="Bristol")
    make_listing("UK National", country="GB")
    make_listing(
        "World Forum", service_type=Service.Type.ONLINE_FORUM, country="", scope=ServiceArea.Scope.ONLINE
    )
    make_listing("Polish National", country="PL")
    response = client.get(LIST_URL, {"q": "nowhere-town", "country": "GB"})
    assert response.context["fallback"] is True
    assertContains(response, "Nothing local matches your search")
    assert names_in(response) == ["UK National", "World Forum"]


def test_ordered_by_the_visitors_country_with_crisis_lines_apart(client, make_listing):
    make_listing("Aaa American", country="US")
    make_listing("Zzz British", country="GB")
    make_listing("Us Crisis", country="US", is_crisis_line=True, service_type=Service.Type.HELPLINE)
    make_listing("Uk Crisis", country="GB", is_crisis_line=True, service_type=Service.Type.HELPLINE)
    client.cookies["wc_country"] = "GB"
    response = client.get(LIST_URL)
    assert names_in(response) == ["Zzz British", "Aaa American"]
    assert [s.display_name for s in response.context["crisis_lines"]] == ["Uk Crisis", "Us Crisis"]
    del client.cookies["wc_country"]
    american = client.get(LIST_URL, headers={"accept-language": "en-US"})
    assert names_in(american) == ["Aaa American", "Zzz British"]
    assert american.context["crisis_lines"][0].display_name == "Us Crisis"


def test_listing_shows_hours_not_known_country_or_online_and_languages(client, make_listing):
    make_listing("No Hours", languages="")
    make_listing(
        "Online One", service_type=Service.Type.ONLINE_FORUM, country="", scope=ServiceArea.Scope.ONLINE
    )
    response = client.get(LIST_URL)
    assertContains(response, "Hours not known: check their website.", count=2)
    assertContains(response, "United Kingdom, nationwide")
    assertContains(response, "Online, anywhere")
    assertContains(response, "Not yet verified")


def test_completeness_needs_a_way_in_and_a_description(make_listing):
    service = make_listing("Bare")
    service.organization.description = ""
    service.organization.save()
    assert len(service.completeness_problems()) == 2
    service.url = "https://example.org/"
    service.description = "A group."
    assert service.completeness_problems() == []


def test_every_listed_seed_listing_is_complete_and_the_rest_say_why(db):
    demo.load()
    # Crisis lines come from crisis_lines.json (their own loader), not from this seed.
    listed = Service.objects.listed().filter(is_crisis_line=False)
    assert listed.count() >= 10
    for service in listed:
        assert service.completeness_problems() == [], service
    hidden = Service.objects.exclude(status__in=Service.LISTED_STATUSES).select_related("organization")
    assert {service.organization.name for service in hidden} >= {"Protracted Withdrawal"}
    assert all(demo.NO_WAY_IN_NOTE in service.organization.note for service in hidden)
    survivors = Service.objects.get(organization__name="SurvivingAntidepressants.org")
    assert survivors.web_address == "https://www.survivingantidepressants.org/"


def test_admin_refuses_a_listing_without_a_way_in(admin_client_, make_listing):
    service = make_listing("No Way In")
    url = reverse("admin:charities_service_change", args=[service.pk])
    data = admin_form_data(admin_client_, url)
    response = admin_client_.post(url, data)
    assertContains(response, "Add at least one way to reach it")


def admin_form_data(client, url) -> dict:
    """The change form's current values, as the browser would post them."""
    response = client.get(url)
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = getattr(value, "pk", value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
        for index, inline_form in enumerate(formset.formset.initial_forms):
            data[f"{formset.formset.prefix}-{index}-id"] = inline_form.instance.pk
            for name in inline_form.fields:
                value = inline_form.initial.get(name)
                if value is not None:
                    data[f"{formset.formset.prefix}-{index}-{name}"] = getattr(value, "pk", value)
    return data


def test_verified_today_button_keeps_who_when_and_note_in_the_audit_trail(
    admin_client_, site_admin, make_listing
):
    service = make_listing("To Check", phone="0117 950 0020")
    url = reverse("admin:charities_service_change", args=[service.pk])
    assertContains(admin_client_.get(url), 'name="_verified_today"')
    data = admin_form_data(admin_client_, url)
    data.update({"_verified_today": "Verified today", "verification_note": "phoned them"})
    response = admin_client_.post(url, data, follow=True)
    assertContains(response, "marked verified today")
    service.refresh_from_db()
    assert service.verified_by == site_admin and service.last_verified is not None
    check = Verification.objects.get(service=service)
    assert (check.verified_by, check.note) == (site_admin, "phoned them")
    assert LogEntry.objects.filter(object_id=str(service.pk), change_message__contains="phoned them").exists()
    # A plain save is not a verification.
    admin_client_.post(url, admin_form_data(admin_client_, url))
    assert Verification.objects.filter(service=service).count() == 1


def test_admin_home_counts_listings_out_of_date_and_links_to_the_filter(admin_client_, make_listing):
    make_listing("Stale A")
    make_listing("Stale B")
    response = admin_client_.get(reverse("admin:index"))
    assertContains(response, "2 listings out of date")
    assertContains(response, reverse("admin:charities_service_changelist") + "?stale=yes")


def test_admin_country_filter_lists_each_country_once(admin_client_, make_listing):
    for _ in range(3):
        make_listing(country="PL")
    response = admin_client_.get(reverse("admin:charities_service_changelist"))
    assert response.content.decode().count("?country=PL") == 1
    assertNotContains(response, "verified_by</th>")
