"""A drug page offers only the ways of making small doses that fit the forms the drug comes in."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from resources import demo
from resources.models import Drug, TaperingMethod

pytestmark = pytest.mark.django_db

NEEDS = TaperingMethod.NeedsForm


def offered(client, slug: str) -> set[str]:
    response = client.get(Drug.objects.get(slug=slug).get_absolute_url())
    html = response.content.decode()
    return {method.slug for method in TaperingMethod.objects.all() if method.get_absolute_url() in html}


def test_bead_counting_is_not_offered_for_a_tablet_only_drug(client, make_drug, make_method):
    make_method("Bead counting", needs_form=NEEDS.BEAD_CAPSULES)
    make_method("Cut and weigh", needs_form=NEEDS.PLAIN_TABLETS)
    tablets = make_drug("Tabletine", has_plain_tablets=True, liquid=Drug.Liquid.NO)
    response = client.get(tablets.get_absolute_url())
    assertNotContains(response, "Bead counting")
    assertContains(response, "Cut and weigh")


def test_bead_counting_is_offered_where_capsules_hold_beads(client, make_drug, make_method):
    make_method("Bead counting", needs_form=NEEDS.BEAD_CAPSULES)
    beads = make_drug("Beadaxine", has_bead_capsules=True)
    assertContains(client.get(beads.get_absolute_url()), "Bead counting")


@pytest.mark.parametrize(
    ("fields", "fits"),
    [
        ({"liquid": Drug.Liquid.YES}, True),
        ({"liquid": Drug.Liquid.SOME_COUNTRIES}, True),
        ({"has_plain_tablets": True}, True),
        ({"has_dispersible_tablets": True}, True),
        ({"has_bead_capsules": True, "liquid": Drug.Liquid.NO}, False),
        ({"liquid": Drug.Liquid.UNKNOWN}, False),
    ],
)
def test_liquid_titration_needs_a_liquid_or_a_tablet_to_disperse(make_drug, fields, fits):
    method = TaperingMethod(needs_form=NEEDS.LIQUID_OR_TABLETS)
    assert method.fits(make_drug(**fields)) is fits


def test_a_method_for_any_form_is_always_offered(make_drug):
    assert TaperingMethod(needs_form=NEEDS.ANY).fits(make_drug())


def test_demo_drug_pages_offer_methods_that_fit(client):
    demo.load()
    # Tablet-only drugs: no bead counting.
    for slug in ("sertraline", "diazepam", "lorazepam", "zopiclone", "olanzapine"):
        assert "bead-counting" not in offered(client, slug), slug
    # Capsules of beads or pellets.
    assert "bead-counting" in offered(client, "venlafaxine")
    assert "bead-counting" in offered(client, "duloxetine")
    assert "bead-counting" in offered(client, "methylphenidate")
    # Gastro-resistant pellets and no liquid: nothing to crush or disperse.
    assert "liquid-titration" not in offered(client, "duloxetine")
    assert "cut-and-weigh" not in offered(client, "duloxetine")
    # Capsules of powder only, no liquid: neither liquid titration nor weighing tablets.
    assert {"liquid-titration", "cut-and-weigh"}.isdisjoint(offered(client, "chlordiazepoxide"))
    # Modified-release lithium tablets are not cut, but the licensed liquid can be used.
    assert "licensed-liquids" in offered(client, "lithium")
    assert "liquid-titration" in offered(client, "sertraline")


def test_every_demo_method_states_the_form_it_needs():
    demo.load()
    for method in TaperingMethod.objects.all():
        assert method.needs_form in NEEDS.values, method
    assert TaperingMethod.objects.get(slug="bead-counting").needs_form == NEEDS.BEAD_CAPSULES
    assert TaperingMethod.objects.get(slug="liquid-titration").needs_form == NEEDS.LIQUID_OR_TABLETS
