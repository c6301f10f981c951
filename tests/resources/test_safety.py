"""Every drug page answers "what should I know before coming off this?", with sources."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from resources import demo
from resources.guidance import CITATIONS
from resources.models import Drug, DrugClass
from resources.safety import CLASS_STATEMENTS, DRUG_STATEMENTS, coming_off

pytestmark = pytest.mark.django_db

PLANNER = "/tapering/planner/"
PLAN = {
    "start_dose": "20",
    "cut_percent": "10",
    "days_per_step": "28",
    "stop_below": "1",
    "start_date": "2026-01-01",
    "acknowledged": "on",
}
# The Maudsley Deprescribing Guidelines cover only these classes.
MAUDSLEY_SCOPE = {"antidepressants", "benzodiazepines", "gabapentinoids", "z-drugs"}


def page(client, slug: str) -> str:
    response = client.get(Drug.objects.get(slug=slug).get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_every_drug_class_in_the_data_has_a_section_with_sources():
    demo_classes = {slug for slug, _name, _description in demo.CLASSES}
    assert demo_classes <= set(CLASS_STATEMENTS)
    for slug in demo_classes:
        section = coming_off(drug_class_slug=slug)
        assert section and section.statements, slug
        for statement in section.statements:
            assert statement.citations, (slug, statement.text)


def test_every_citation_key_resolves_and_names_its_publication():
    statements = [s for group in (*CLASS_STATEMENTS.values(), *DRUG_STATEMENTS.values()) for s in group]
    for statement in statements:
        for key in statement.citation_keys:
            assert key in CITATIONS, key
            assert str(CITATIONS[key].short) and str(CITATIONS[key].full), key


def test_maudsley_is_cited_only_within_its_scope():
    for slug, statements in CLASS_STATEMENTS.items():
        if slug not in MAUDSLEY_SCOPE:
            assert all("maudsley-2024" not in s.citation_keys for s in statements), slug
    for slug in ("lithium", "lamotrigine", "valproate", "quetiapine"):
        assert all("maudsley-2024" not in s.citation_keys for s in DRUG_STATEMENTS[slug]), slug


def test_every_demo_drug_page_has_its_coming_off_section(client):
    demo.load()
    assert Drug.objects.exists()
    for drug in Drug.objects.select_related("drug_class"):
        html = page(client, drug.slug)
        assert f"Coming off {drug.name}" in html, drug.slug
        section = html[
            html.index('class="coming-off') : html.index("</section>", html.index('class="coming-off'))
        ]
        assert section.count("Source:") == len(
            coming_off(drug_class_slug=drug.drug_class.slug, drug_slug=drug.slug).statements
        )


@pytest.mark.parametrize(
    ("slug", "phrases"),
    [
        ("diazepam", ["Do not stop suddenly", "seizures and delirium", "FDA boxed warning, September 2020",
                      "5 to 10% of the dose every 2 to 4 weeks", "not more than 25% every 2 weeks",
                      "days to weeks after a change", "The Ashton Manual"]),
        ("lorazepam", ["seizures", "clobazam", "epilepsy specialist"]),
        ("clonazepam", ["prescribed for epilepsy", "without the epilepsy specialist"]),
        ("zopiclone", ["Do not stop suddenly", "rebound insomnia", "seizures", "Zimovane"]),
        ("sertraline", ["Do not stop abruptly", "severe", "long time",
                        "Physical dependence on a medicine is not the same as addiction",
                        "NICE guideline NG215",
                        "serotonin transporter occupancy", "PET"]),
        ("fluoxetine", ["weeks after a change"]),
        ("olanzapine", ["rapid relapse", "dyskinesia", "Clozapine", "medical supervision", "1 to 2 weeks"]),
        ("quetiapine", ["at least one to two weeks", "not licensed as a sleeping pill"]),
        ("lithium", ["relapse, mania in particular", "at least 4 weeks, preferably up to 3 months",
                     "blood tests", "Priadel"]),
        ("lamotrigine", ["restarted at a low dose", "serious rash", "rebound seizures"]),
        ("valproate", ["pregnant", "should not stop valproate on their own", "MHRA"]),
        ("gabapentin", ["minimum of 1 week"]),
        ("pregabalin", ["minimum of 1 week"]),
        ("methylphenidate", ["careful supervision", "unmask depression"]),
    ],
)  # fmt: skip
def test_drug_pages_say_what_the_sources_say(client, slug, phrases):
    demo.load()
    html = page(client, slug)
    for phrase in phrases:
        assert phrase in html, (slug, phrase)


def test_seizure_risk_is_named_where_stopping_can_cause_it(client):
    demo.load()
    for slug in ("diazepam", "alprazolam", "zopiclone", "zolpidem", "lamotrigine", "clonazepam"):
        assert "seizure" in page(client, slug).lower(), slug


def test_statements_show_without_demo_data_for_a_new_drug(client, make_drug, benzo_class):
    drug = make_drug("Newazepam", drug_class=benzo_class)
    response = client.get(drug.get_absolute_url())
    assertContains(response, "Coming off Newazepam")
    assertContains(response, "seizures")


def test_a_class_without_statements_shows_no_empty_section(client, make_drug):
    other = DrugClass.objects.create(name="Other", slug="other-class")
    drug = make_drug("Unknownol", drug_class=other)
    assertNotContains(client.get(drug.get_absolute_url()), "Coming off Unknownol")


@pytest.mark.parametrize(
    ("slug", "phrase"),
    [
        ("diazepam", "seizures and delirium"),
        ("lithium", "relapse, mania in particular"),
        ("olanzapine", "dyskinesia"),
        ("lamotrigine", "restarted at a low dose"),
    ],
)
def test_planner_shows_the_class_notices_when_a_drug_is_chosen(client, slug, phrase):
    demo.load()
    response = client.get(PLANNER, {**PLAN, "drug": slug})
    assert response.status_code == 200
    name = Drug.objects.get(slug=slug).name
    assertContains(response, f"Coming off {name}")
    assertContains(response, phrase)


def test_planner_without_a_drug_has_no_section(client):
    assertNotContains(client.get(PLANNER, PLAN), "Coming off")


def test_section_introduction_names_the_class(client):
    demo.load()
    assert "about stopping mood stabilisers, and about Lamotrigine in particular" in page(
        client, "lamotrigine"
    )
    assert "about stopping antidepressants. Agree" in page(client, "sertraline")
