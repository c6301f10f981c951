"""The demo content: enough of it, sourced, labelled, idempotent, and every page renders."""

import pytest
from django.core.management import call_command

from resources import demo
from resources.models import Drug, DrugClass, Experience, ResourceLink, TaperingMethod, Tip

pytestmark = pytest.mark.django_db

CANONICAL_CLASSES = {
    "antidepressants", "benzodiazepines", "z-drugs", "antipsychotics", "stimulants",
    "mood-stabilisers", "gabapentinoids",
}  # fmt: skip


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", "slug"))
        for model in (DrugClass, Drug, TaperingMethod, Tip, Experience, ResourceLink)
    } | {"updated": sorted(str(d) for d in Drug.objects.values_list("updated_at", flat=True))}


def test_demo_is_idempotent():
    demo.load()
    first = snapshot()
    demo.load()
    assert snapshot() == first


def test_load_demo_command_runs():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Drug.objects.count() >= 25


def test_demo_has_the_required_content():
    demo.load()
    assert set(DrugClass.objects.values_list("slug", flat=True)) == CANONICAL_CLASSES
    assert Drug.objects.count() >= 25
    assert set(Drug.objects.values_list("drug_class__slug", flat=True)) == CANONICAL_CLASSES
    method_slugs = set(TaperingMethod.objects.values_list("slug", flat=True))
    assert {
        "liquid-titration", "cut-and-weigh", "bead-counting", "compounding-pharmacy",
        "tapering-strips", "switching-to-diazepam",
    } <= method_slugs  # fmt: skip
    assert Tip.objects.published().filter(is_sample=True).count() == 15
    assert Experience.objects.published().filter(is_sample=True).count() == 6
    assert ResourceLink.objects.published().count() >= 5


def test_every_demo_fact_carries_a_source():
    demo.load()
    assert Drug.objects.exists() and TaperingMethod.objects.exists()
    for drug in Drug.objects.all():
        assert drug.half_life and drug.half_life_source, drug
        assert drug.forms_and_strengths and "availability varies by country" in drug.forms_source, drug
        assert drug.sources_html.strip(), drug
        assert drug.other_names, drug
    for method in TaperingMethod.objects.all():
        assert method.sources_html.strip() and method.worked_example_html.strip(), method
        assert method.step_list, method


def test_every_demo_page_renders(client):
    demo.load()
    items = [
        *Drug.objects.all(),
        *TaperingMethod.objects.all(),
        *Tip.objects.all(),
        *Experience.objects.all(),
        *ResourceLink.objects.all(),
    ]
    assert {type(item) for item in items} == {Drug, TaperingMethod, Tip, Experience, ResourceLink}
    for item in items:
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200, item
    for item in [*Tip.objects.all(), *Experience.objects.all()]:
        assert "Sample content" in client.get(item.get_absolute_url()).content.decode()
