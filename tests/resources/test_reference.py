"""/reference/benzodiazepine-equivalents/: every figure with its source."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains

from resources import reference

pytestmark = pytest.mark.django_db

URL = "/reference/benzodiazepine-equivalents/"


def rows_html(response) -> dict[str, str]:
    html = response.content.decode()
    return dict(re.findall(r'<tr id="row-([a-z-]+)">(.*?)</tr>', html, flags=re.S))


def test_url_name():
    assert reverse("resources:benzo_equivalents") == URL


def test_the_figures_from_reference_facts():
    lorazepam = reference.row_for("lorazepam")
    assert lorazepam.figure_from(reference.ASHTON).amount_mg == Decimal("1")
    assert lorazepam.figure_from(reference.VA_DOD).amount_mg == Decimal("2")
    assert lorazepam.figure_from(reference.NHS_SCOTLAND).amount_mg == Decimal("0.5")
    assert reference.row_for("temazepam").figure_from(reference.VA_DOD).amount_mg == Decimal("15")
    assert reference.row_for("clorazepate").figure_from(reference.VA_DOD) is None
    assert reference.row_for("zopiclone").figure_from(reference.NHS_SCOTLAND).amount_mg == Decimal("7.5")


def test_disagreement_is_computed_on_the_same_diazepam_basis():
    # NHS Scotland gives chlordiazepoxide 12.5 mg for diazepam 5 mg: the same as Ashton's 25 mg for 10 mg.
    assert not reference.row_for("chlordiazepoxide").sources_disagree
    assert reference.row_for("lorazepam").sources_disagree
    assert reference.row_for("alprazolam").sources_disagree


def test_every_cell_shows_its_source(client):
    response = client.get(URL)
    rows = rows_html(response)
    assert set(rows) == {row.drug_slug for row in reference.BENZODIAZEPINE_EQUIVALENTS}
    for row in reference.BENZODIAZEPINE_EQUIVALENTS:
        cells = re.findall(
            r'<td class="number figure" data-source="(\w+)">(.*?)</td>', rows[row.drug_slug], re.S
        )
        assert len(cells) == len(row.figures)
        for key, cell in cells:
            source = next(source for source in reference.SOURCES if source.key == key)
            assert f"Source: {source.short}" in cell
            assert " mg" in cell


def test_differing_sources_appear_side_by_side(client):
    response = client.get(URL)
    lorazepam = rows_html(response)["lorazepam"]
    ashton = lorazepam.index("Source: Ashton")
    va_dod = lorazepam.index("Source: VA/DoD")
    nhs = lorazepam.index("Source: NHS Scotland")
    assert ashton < va_dod < nhs
    assert "Sources differ" in lorazepam
    # NHS Scotland's table is adapted from Ashton's: a match is not shown as agreement.
    chlordiazepoxide = rows_html(response)["chlordiazepoxide"]
    assert "Sources agree" not in chlordiazepoxide
    assert "not independent" in chlordiazepoxide


def test_the_page_says_sources_disagree_and_cites_them(client):
    response = client.get(URL)
    assertContains(response, "Sources disagree.")
    for source in reference.SOURCES:
        assertContains(response, escape(source.citation))
    assertContains(response, "About tapering information")
    assertContains(response, "(1 mg for diazepam 10 mg, our arithmetic)")


def test_rows_link_to_published_drug_pages(client, make_drug, benzo_class):
    make_drug("Lorazepam", drug_class=benzo_class)
    response = client.get(URL)
    assertContains(response, 'href="/drugs/lorazepam/"')
    assert 'href="/drugs/oxazepam/"' not in response.content.decode()


def test_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get(URL)
