"""The corrected directory seed: PostScript360, the Bristol Tranquilliser Project reported closed."""

import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from charities import demo
from charities.models import Organization, Service

pytestmark = pytest.mark.django_db

# How the first demo seed listed the two corrected organisations (one-L "Tranquiliser", old names).
OLD_SEED = {
    "organizations": [
        {
            "name": "Battle Against Tranquilisers",
            "area": "Bristol, England",
            "country": "GB",
            "type": "charity",
            "drug_classes": ["benzodiazepines", "z-drugs"],
            "phones": [{"number": "0117 966 3629", "type": "voice"}],
        },
        {
            "name": "Bristol and District Tranquiliser Project",
            "area": "Bristol, England",
            "country": "GB",
            "type": "helpline",
            "national": True,
            "drug_classes": ["benzodiazepines", "z-drugs", "antidepressants"],
            "phones": [{"number": "0117 950 0020", "type": "voice", "description": "national helpline"}],
        },
    ],
    "online_resources": [],
}


def test_seed_carries_names_web_addresses_former_names_status_and_note():
    demo.load()
    postscript = Organization.objects.get(name="PostScript360")
    assert postscript.former_name_list == ["Battle Against Tranquillisers"]
    assert postscript.website == "https://postscript360.org.uk/"
    assert "Formerly Battle Against Tranquillisers" in postscript.note
    bristol = Organization.objects.get(name="Bristol Tranquilliser Project")
    assert bristol.services.get().status == Service.Status.REPORTED_CLOSED
    assert "BBC reporting in September 2023" in bristol.note
    assert Organization.objects.get(name="BenzoBuddies").website == "https://www.benzobuddies.org/"
    assert not Organization.objects.filter(name__icontains="tranquiliser").exists()  # two Ls, always
    assert not Organization.objects.filter(name__icontains="Battle Against").exists()


def test_load_demo_corrects_an_existing_database(tmp_path, monkeypatch):
    old = tmp_path / "old_seed.json"
    old.write_text(json.dumps(OLD_SEED))
    monkeypatch.setattr(demo, "SEED_PATH", old)
    demo.load()
    battle = Organization.objects.get(slug="battle-against-tranquilisers")
    old_bristol = Organization.objects.get(slug="bristol-and-district-tranquiliser-project")
    monkeypatch.undo()

    demo.load()
    battle.refresh_from_db()
    old_bristol.refresh_from_db()
    assert (battle.name, battle.slug) == ("PostScript360", "postscript360")
    assert battle.former_names == "Battle Against Tranquillisers"
    assert old_bristol.name == "Bristol Tranquilliser Project"
    service = old_bristol.services.get()
    assert service.status == Service.Status.REPORTED_CLOSED
    assert service.areas.get().scope == "regional"  # no longer listed as a national helpline
    assert (
        Organization.objects.filter(name__in=["PostScript360", "Bristol Tranquilliser Project"]).count() == 2
    )
    count = Organization.objects.count()
    demo.load()
    assert Organization.objects.count() == count


def test_a_reported_closed_listing_is_never_shown_as_a_working_helpline(client):
    demo.load()
    bristol = Organization.objects.get(name="Bristol Tranquilliser Project")
    detail = client.get(bristol.get_absolute_url())
    assertContains(detail, "Reported closed")
    assertContains(detail, "please do not rely on it")
    assertNotContains(detail, 'href="tel:+441179500020"')
    assertNotContains(detail, "national helpline")
    assertContains(detail, "Formerly")

    listing = client.get(reverse("charities:list"), {"q": "Bristol Tranquilliser"})
    assertContains(listing, "Reported closed")
    assertNotContains(listing, 'href="tel:+441179500020"')
    helplines = client.get(reverse("charities:list"), {"type": "helpline"})
    assertNotContains(helplines, "Bristol Tranquilliser Project")

    # Even if someone marks it a crisis line, the crisis page does not offer it.
    Service.objects.filter(organization=bristol).update(is_crisis_line=True)
    assertNotContains(client.get("/crisis/"), "Bristol")


def test_an_unknown_status_is_shown_as_such(client, make_listing):
    service = make_listing("Quiet Helpline", service_type="helpline", phone="0117 496 0000", status="unknown")
    response = client.get(service.organization.get_absolute_url())
    assertContains(response, "Not known whether it is running")
    assertNotContains(response, 'href="tel:')
    assertNotContains(response, '<p class="meta">Helpline')


def test_a_former_name_still_finds_the_listing(client):
    demo.load()
    response = client.get(reverse("charities:list"), {"q": "Battle Against"})
    assertContains(response, "PostScript360")


def test_postscript360_phone_links_as_before(client):
    demo.load()
    response = client.get(Organization.objects.get(name="PostScript360").get_absolute_url())
    assertContains(response, 'href="tel:+441179663629"')
