"""The content errors found in review stay fixed, and load_demo carries the fixes to existing databases."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from resources import demo, reference
from resources.models import Drug, DrugClass, TaperingMethod

pytestmark = pytest.mark.django_db

REFERENCE_FACTS = Path("/work/shared/data/reference_facts.md")
TABLE_URL = "/reference/benzodiazepine-equivalents/"


def method(slug: str) -> TaperingMethod:
    return TaperingMethod.objects.get(slug=slug)


def test_lithium_half_life_is_the_priadel_smpc_figure(client):
    demo.load()
    lithium = Drug.objects.get(slug="lithium")
    assert lithium.half_life == "18 to 36 hours"
    assert "Priadel" in lithium.half_life_source
    assertContains(client.get(lithium.get_absolute_url()), "18 to 36 hours")


@pytest.mark.skipif(not REFERENCE_FACTS.exists(), reason="shared reference data not mounted")
def test_table_7_figures_are_in_the_column_the_table_prints_them():
    """The 25 mg and 15 mg stand in table 7's Ashton column, with its VA/DoD cell empty."""
    text = REFERENCE_FACTS.read_text()
    for drug, amount in (("chlordiazepoxide", "25"), ("clorazepate", "15")):
        line = next(line for line in text.splitlines() if line.startswith(f"| {drug} |"))
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells == [drug, f"{amount} mg", ""], cells
        row = reference.row_for(drug)
        assert row.figure_from(reference.ASHTON).amount_mg == Decimal(amount)
        assert row.figure_from(reference.VA_DOD) is None
        assert "Ashton column only" in str(row.note)


def test_nhs_scotland_matching_ashton_is_not_shown_as_agreement(client):
    row = reference.row_for("chlordiazepoxide")
    assert not row.sources_disagree
    assert row.agreement == "derived"
    response = client.get(TABLE_URL)
    assertNotContains(response, "Sources agree")
    assertContains(response, "adapted from")


def test_nhs_scotland_epilepsy_caution_for_clonazepam_and_clobazam(client):
    assert "epilepsy" in str(reference.row_for("clonazepam").note)
    response = client.get(TABLE_URL)
    assertContains(response, "clobazam")
    assertContains(response, "epilepsy specialist")


def test_antipsychotics_are_not_described_as_for_sleep():
    demo.load()
    description = DrugClass.objects.get(slug="antipsychotics").description
    assert "sleep" not in description


def test_load_demo_updates_outdated_content_in_an_existing_database():
    demo.load()
    Drug.objects.filter(slug="lithium").update(half_life="about 24 hours")
    DrugClass.objects.filter(slug="antipsychotics").update(
        description=demo.OUTDATED_CLASS_DESCRIPTIONS["antipsychotics"]
    )
    TaperingMethod.objects.filter(slug="bead-counting").update(needs_form="any", cautions="old")
    demo.load()
    assert Drug.objects.get(slug="lithium").half_life == "18 to 36 hours"
    assert "sleep" not in DrugClass.objects.get(slug="antipsychotics").description
    beads = method("bead-counting")
    assert beads.needs_form == "beads"
    assert "mix of" in beads.cautions_html


def test_load_demo_leaves_a_reviewed_record_alone(editor):
    demo.load()
    Drug.objects.filter(slug="lithium").update(half_life="editor's text", last_reviewed="2026-01-01")
    demo.load()
    assert Drug.objects.get(slug="lithium").half_life == "editor's text"


IMPERATIVE = re.compile(r"^(Crush|Stir|Remove|Take|Weigh|Work out|Open|Measure|Discuss|Ask|Replace)\b")


def test_method_steps_are_what_people_describe_with_the_check_first():
    demo.load()
    assert TaperingMethod.objects.exists()
    for item in TaperingMethod.objects.all():
        steps = item.step_list
        assert steps[0].startswith("First,"), item.slug
        assert "pharmacist" in steps[0] or "prescriber" in steps[0], item.slug
        for step in steps:
            assert not IMPERATIVE.match(step), (item.slug, step)


def test_method_page_frames_steps_as_descriptions(client):
    demo.load()
    response = client.get(method("liquid-titration").get_absolute_url())
    assertContains(response, "What people describe doing")
    assertContains(response, "not an instruction")


def test_cut_and_weigh_caveats():
    demo.load()
    cautions = method("cut-and-weigh").cautions_html
    assert "coating" in cautions
    assert "not be spread evenly" in cautions
    assert "large share of a small weight" in cautions


def test_mixed_bead_warning_for_stimulant_capsules():
    demo.load()
    cautions = method("bead-counting").cautions_html
    assert "stimulant" in cautions and "immediate-release and slower-release beads" in cautions


def test_tapering_strips_are_credited_to_groot_and_van_os(client):
    demo.load()
    response = client.get(method("tapering-strips").get_absolute_url())
    assertContains(response, "Groot")
    assertContains(response, "van Os")


def test_maudsley_is_cited_with_its_scope_on_methods():
    demo.load()
    citing = TaperingMethod.objects.filter(sources__contains="Maudsley")
    assert citing.exists()
    for item in citing:
        assert "cover antidepressants, benzodiazepines, gabapentinoids and Z-drugs only" in item.sources
