"""The planner page where the visitor is: prefill from a drug page, anchors, error links, words, regions."""

import re
from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from resources.models import Drug, Formulation

pytestmark = pytest.mark.django_db

URL = "/tapering/planner/"
GOOD = {
    "start_dose": "20",
    "cut_percent": "10",
    "days_per_step": "28",
    "stop_below": "1",
    "start_date": "2026-01-01",
    "acknowledged": "on",
}


@pytest.fixture
def fluoxetine(make_drug):
    drug = make_drug("Fluoxetine")
    Formulation.objects.create(drug=drug, kind="capsule", strength_mg=Decimal("20"), source="BNF")
    Formulation.objects.create(
        drug=drug, kind="liquid", strength_mg=Decimal("20"), volume_ml=Decimal("5"), source="BNF"
    )
    return drug


@pytest.fixture
def sertraline_forms(make_drug):
    drug = make_drug("Sertraline")
    forms = [
        Formulation.objects.create(drug=drug, kind="tablet", strength_mg=Decimal("50"), source="BNF"),
        Formulation.objects.create(drug=drug, kind="tablet", strength_mg=Decimal("100"), source="BNF"),
        Formulation.objects.create(
            drug=drug,
            kind="liquid",
            strength_mg=Decimal("20"),
            volume_ml=Decimal("1"),
            country="US",
            source="US label",
        ),
    ]
    return drug, forms


def test_drug_alone_prefills_keeps_the_defaults_and_shows_no_errors(client, fluoxetine):
    response = client.get(URL, {"drug": "fluoxetine"})
    assert response.status_code == 200
    assertNotContains(response, "errorlist")
    assertNotContains(response, 'id="errors"')
    assertNotContains(response, "planner-table")
    assertContains(response, '<option value="fluoxetine" selected>')
    assertContains(response, 'name="cut_percent" value="10"')
    assertContains(response, 'name="days_per_step" value="28"')
    # The drug's liquid, as its label reads: 20 mg in 5 ml.
    assertContains(response, 'name="liquid_mg" value="20"')
    assertContains(response, 'name="liquid_ml" value="5"')
    assertContains(response, "20 mg in 5 ml oral liquid")
    assertContains(response, "as commonly marketed, not checked against the product information")
    assertContains(response, "not a recommendation")


def test_the_drug_page_link_lands_on_a_clean_form(client, fluoxetine):
    page = client.get(fluoxetine.get_absolute_url())
    link = re.search(r'href="(/tapering/planner/\?drug=[^"]+)"', page.content.decode()).group(1)
    response = client.get(link.replace("&amp;", "&"))
    assertNotContains(response, "errorlist")


def test_form_submits_to_the_results_anchor_and_results_can_take_focus(client):
    empty = client.get(URL)
    assertContains(empty, 'action="/tapering/planner/#results"')
    response = client.get(URL, GOOD)
    assertContains(response, '<section id="results" tabindex="-1"')


def test_errors_are_summarised_at_the_anchor_with_links_to_their_fields(client):
    response = client.get(URL, {**GOOD, "start_dose": "abc", "stop_below": "", "acknowledged": ""})
    body = response.content.decode()
    assert '<div id="results" class="results-target" tabindex="-1">' in body
    assert 'id="errors" tabindex="-1"' in body
    assert body.index('id="errors"') < body.index('name="start_dose"')
    assertContains(response, '<a href="#id_start_dose">Starting dose (mg): Enter a number.</a>', html=True)
    assertContains(response, 'href="#id_stop_below"')
    assertContains(response, 'href="#id_acknowledged"')
    for target in ("id_start_dose", "id_stop_below", "id_acknowledged"):
        assert f'id="{target}"' in body


def test_decimal_comma_is_accepted(client):
    response = client.get(URL, {**GOOD, "start_dose": "12,5", "stop_below": "1,5"})
    assertContains(response, "planner-table")
    assertContains(response, '<td class="number dose">12.5</td>', html=True)


def test_duration_in_words(client):
    response = client.get(URL, {**GOOD, "start_dose": "20", "stop_below": "0.6", "days_per_step": "42"})
    # 34 steps of 42 days = 1428 days
    assertContains(response, "about 3 years and 11 months")
    assertNotContains(response, "1428 days")


def test_scrolling_regions_are_named_and_keyboard_reachable(client):
    response = client.get(URL, GOOD)
    body = response.content.decode()
    for wrapper in re.findall(r'<div class="(?:table-wrap|table-wrap chart-wrap)"[^>]*>', body):
        assert 'role="region"' in wrapper and 'tabindex="0"' in wrapper
        assert "aria-label" in wrapper


def test_liquid_entered_as_mg_in_ml_gives_volumes_with_their_syringe(client):
    response = client.get(URL, {**GOOD, "liquid_mg": "20", "liquid_ml": "5"})
    assertContains(response, "20 mg in 5 ml (4 mg in each ml)")
    assertContains(response, '<span class="ml-value">5 ml</span>', html=True)
    assertContains(response, "5 ml syringe, 0.1 ml marks")


def test_liquid_milligrams_without_millilitres_is_an_error(client):
    response = client.get(URL, {**GOOD, "liquid_mg": "20"})
    assertContains(response, 'href="#id_liquid_ml"')
    assertNotContains(response, "planner-table")


def test_a_tiny_volume_is_flagged_in_the_table(client):
    response = client.get(
        URL,
        {
            **GOOD,
            "start_dose": "0.5",
            "stop_below": "0.005",
            "liquid_mg": "1",
            "liquid_ml": "1",
            "syringe": "1",
        },
    )
    assertContains(response, '<strong class="flag">', html=False)
    assertContains(response, "cannot be measured with it")


def test_hold_steps_and_warnings_are_in_the_results_not_hidden_from_print(client):
    response = client.get(URL, {**GOOD, "stop_below": "8", "hold_steps": "3"})
    body = response.content.decode()
    results = body[body.index('<section id="results"') :]
    assert 'class=" held"' in results or 'class="held"' in results.replace(" held", "held")
    assert "held: 56 days" in results
    assert "guardrails" in results and "final-cut-largest" in results
    assert "no-print" not in results[: results.index("planner-links")]


def test_guardrail_for_a_benzodiazepine_cites_asam(client, benzo_class):
    Drug.objects.create(name="Alprazolam", slug="alprazolam", drug_class=benzo_class)
    response = client.get(
        URL,
        {
            **GOOD,
            "drug": "alprazolam",
            "start_dose": "2",
            "cut_percent": "50",
            "days_per_step": "1",
            "stop_below": "0.25",
        },
    )
    assertContains(response, "planner-table")  # a warning, never a refusal
    assertContains(response, "guardrail--cut-beyond-pace")
    assertContains(response, "guardrail--interval-under-pace")
    assertContains(response, "Joint benzodiazepine tapering guideline (ASAM and partners, 2025)")


def test_makeable_doses_and_not_makeable(client, sertraline_forms):
    drug, forms = sertraline_forms
    tablets = [str(form.pk) for form in forms if form.kind == "tablet"]
    data = {**GOOD, "drug": drug.slug, "start_dose": "72.9", "stop_below": "50", "formulations": tablets}
    response = client.get(URL, data)
    assertContains(response, "How to make it")
    assertContains(response, "Not makeable with tablets alone:")
    assertContains(response, "see the liquid and compounding methods")
    with_liquid = client.get(URL, {**data, "formulations": [str(form.pk) for form in forms]})
    assertContains(with_liquid, "65.6 mg = one 50 mg tablet + 0.78 ml of 20 mg/ml liquid")


def test_country_filters_the_forms_offered(client, sertraline_forms):
    drug, _forms = sertraline_forms
    uk = client.get(URL, {"drug": drug.slug, "country": "GB"})
    assertNotContains(uk, "20 mg in 1 ml oral liquid")
    us = client.get(URL, {"drug": drug.slug, "country": "US"})
    assertContains(us, "20 mg in 1 ml oral liquid")


def test_formulations_of_another_drug_are_refused_quietly(client, sertraline_forms, fluoxetine):
    _drug, forms = sertraline_forms
    response = client.get(URL, {**GOOD, "drug": "fluoxetine", "formulations": [str(forms[0].pk)]})
    assert response.status_code == 200
    assertContains(response, 'href="#id_formulations_0"')


def test_prescriber_summary_from_the_planner(client):
    response = client.get(URL, {**GOOD, "stop_below": "8", "format": "prescriber"})
    assertContains(response, "The schedule I worked out")
    assertContains(response, "stop (last cut 8.61 mg)")
    assertContains(response, "Questions I would like to ask")
    assertContains(response, "Maudsley Deprescribing Guidelines (2024)")
    assertContains(response, "arithmetic, not medical advice")
    assertContains(response, "guardrail--final-cut-largest")


def test_ics_and_csv_carry_the_page_numbers(client):
    data = {**GOOD, "start_dose": "0.5", "stop_below": "0.001"}
    page = client.get(URL, data).content.decode()
    page_doses = re.findall(r'<td class="number dose">([^<]+)</td>', page)
    csv_rows = client.get(URL, {**data, "format": "csv"}).content.decode().splitlines()[1:]
    assert [row.split(",")[2] for row in csv_rows[:-1]] == page_doses[:-1]
    ics = client.get(URL, {**data, "format": "ics"}).content.decode().replace("\r\n ", "")
    summaries = [line for line in ics.split("\r\n") if line.startswith("SUMMARY:")]
    assert all("not medical advice" in line for line in summaries)
    assert [line.split(": ")[1].split(" mg")[0] for line in summaries[:-1]] == page_doses[:-1]


def test_planner_query_budget_does_not_grow_with_drugs_or_forms(
    client, sertraline_forms, make_drug, django_assert_max_num_queries
):
    drug, forms = sertraline_forms
    for number in range(20):
        other = make_drug(f"Other {number}")
        Formulation.objects.create(drug=other, kind="tablet", strength_mg=Decimal("10"), source="BNF")
    for strength in range(1, 10):
        Formulation.objects.create(drug=drug, kind="tablet", strength_mg=Decimal(strength), source="BNF")
    data = {**GOOD, "drug": drug.slug, "formulations": [str(form.pk) for form in forms]}
    # The drug with its class, its forms, the form's own check of the drug, the disclaimer, the drug list.
    with django_assert_max_num_queries(5):
        client.get(URL, data)
    with django_assert_max_num_queries(4):
        client.get(URL, {"drug": drug.slug})
