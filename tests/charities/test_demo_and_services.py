import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from charities import crisis_snapshot, demo, services
from charities.models import Organization, Phone, Service, ServiceArea
from charities.services import DuplicateListingError, publish_listing
from resources.models import DrugClass

pytestmark = pytest.mark.django_db


def test_demo_loads_the_seed_unverified_and_is_idempotent():
    demo.load()
    counts = (
        Organization.objects.count(),
        Service.objects.count(),
        Phone.objects.count(),
        ServiceArea.objects.count(),
    )
    crisis_lines = sum(len(country["lines"]) for country in crisis_snapshot.bundled()["countries"].values())
    assert counts[0] == 8 + 10 + crisis_lines
    # The seed is unverified; crisis lines carry the date their data file records.
    assert not Service.objects.filter(last_verified__isnull=False, is_crisis_line=False).exists()
    forum = Service.objects.get(organization__name="BenzoBuddies")
    assert forum.type == Service.Type.ONLINE_FORUM
    assert forum.areas.get().scope == ServiceArea.Scope.ONLINE
    assert sorted(forum.drug_classes.values_list("slug", flat=True)) == ["benzodiazepines", "z-drugs"]
    assert Service.objects.get(organization__name="The Ashton Manual").type == Service.Type.INFORMATION
    assert Phone.objects.get(service__organization__name="PostScript360").number == "+441179663629"
    assert Service.objects.filter(is_crisis_line=True).count() == crisis_lines
    assert DrugClass.objects.filter(slug="z-drugs").exists()
    demo.load()
    assert counts == (
        Organization.objects.count(),
        Service.objects.count(),
        Phone.objects.count(),
        ServiceArea.objects.count(),
    )


def test_load_demo_command_runs_twice(client):
    call_command("load_demo", stdout=None)
    call_command("load_demo", stdout=None)
    assert client.get("/support/").status_code == 200
    assert client.get("/crisis/").status_code == 200


def test_publish_listing_creates_an_unverified_listing(site_admin, drug_classes):
    organization = publish_listing(
        name="Benzo Support Leeds",
        description="A peer group.",
        website="https://example.org/",
        email="hello@example.org",
        country="GB",
        service_type="peer_support",
        phone="0113 496 0000",
        area_description="Leeds, England",
        drug_class_slugs=["benzodiazepines", "unknown-slug"],
        languages=["en"],
        approved_by=site_admin,
    )
    service = organization.services.get()
    assert organization.approved_by == site_admin
    assert service.last_verified is None
    assert service.phones.get().number == "+441134960000"
    assert service.areas.get().description == "Leeds, England"
    assert [dc.slug for dc in service.drug_classes.all()] == ["benzodiazepines"]
    with pytest.raises(DuplicateListingError, match="already in the directory"):
        publish_listing(
            name="Benzo Support Leeds",
            description="",
            website="",
            email="",
            country="GB",
            service_type="peer_support",
            phone="",
            area_description="",
            drug_class_slugs=[],
            languages=[],
            approved_by=site_admin,
        )
    other = publish_listing(
        name="Benzo Support Leeds",
        description="",
        website="",
        email="",
        country="PL",
        service_type="peer_support",
        phone="",
        area_description="",
        drug_class_slugs=[],
        languages=[],
        approved_by=site_admin,
    )
    assert other.slug == "benzo-support-leeds-2"


def test_listed_and_for_drug_class(make_listing, drug_classes):
    benzo = make_listing("Benzo", drug_class_slugs=("benzodiazepines",))
    make_listing("Anti", drug_class_slugs=("antidepressants",))
    make_listing("Gone", status=Service.Status.DEFUNCT, drug_class_slugs=("benzodiazepines",))
    assert [o.name for o in Organization.objects.listed()] == ["Anti", "Benzo"]
    assert list(Organization.objects.for_drug_class(drug_classes["benzodiazepines"])) == [benzo.organization]
    assert list(Organization.objects.for_drug_class("benzodiazepines")) == [benzo.organization]


def test_search_document_is_none_without_a_listed_service(make_listing):
    listed = make_listing("Listed", drug_class_slugs=("benzodiazepines",))
    gone = make_listing("Gone", status=Service.Status.INACTIVE)
    document = listed.organization.search_document()
    assert document.kind == "listing" and document.drug_classes == ("benzodiazepines",)
    assert document.url == listed.organization.get_absolute_url()
    assert gone.organization.search_document() is None


def test_corrections_apply_field_by_field(make_listing):
    service = make_listing("Helpline", phone="0117 950 0020", area_description="Bristol")
    organization = service.organization
    fields = organization.correctable_fields()
    assert fields["phone"][1] == "+441179500020"
    assert fields["area_description"][1] == "Bristol"
    services.apply_listing_correction(
        target=organization,
        changes={
            "website": "https://example.org/",
            "phone": "0117 966 3629",
            "hours_note": "Weekdays",
            "area_description": "Bath",
        },
    )
    service.refresh_from_db()
    assert organization.website == "https://example.org/"
    assert service.phones.get().number == "+441179663629"
    assert service.hours_note == "Weekdays"
    assert service.areas.get().description == "Bath"
    with pytest.raises(ValidationError):
        services.apply_listing_correction(target=organization, changes={"phone": "not a phone"})
    with pytest.raises(ValidationError):
        services.apply_listing_correction(target=organization, changes={"slug": "hijack"})
