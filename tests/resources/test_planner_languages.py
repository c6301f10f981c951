"""The planner in Spanish and Polish: local decimal commas on the page, dot decimals in downloads."""

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from resources.templatetags.amounts import amount, shown

GOOD = {
    "start_dose": "20",
    "cut_percent": "10",
    "days_per_step": "28",
    "stop_below": "1",
    "start_date": "2026-01-01",
    "acknowledged": "on",
}


@pytest.fixture
def three_languages(settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]


@pytest.mark.parametrize(("code", "expected"), [("en", "12.5"), ("es", "12,5"), ("pl", "12,5")])
def test_amounts_use_the_local_decimal_mark_and_no_grouping(code, expected):
    from decimal import Decimal

    with translation.override(code):
        assert amount(Decimal("12.5")) == expected
        assert shown(Decimal("1234.5"), 5) == expected.replace("12", "1234")  # never "1.234,5"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["es", "pl"])
def test_the_planner_takes_a_decimal_comma_and_shows_one(three_languages, client, code):
    with translation.override(code):
        url = reverse("resources:planner")
    assert url.startswith(f"/{code}/")
    response = client.get(url, {**GOOD, "start_dose": "12,5", "stop_below": "1,5"})
    assertContains(response, '<td class="number dose">12,5</td>', html=True)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["es", "pl"])
def test_downloads_stay_machine_readable_in_every_language(three_languages, client, code):
    with translation.override(code):
        url = reverse("resources:planner")
    body = client.get(url, {**GOOD, "format": "csv"}).content.decode()
    assert body.splitlines()[3].startswith("3,2026-02-26,16.2,81,1.8,")


@pytest.mark.django_db
def test_a_polish_tip_on_an_english_page_is_marked_polish(client, make_tip):
    tip = make_tip("Małe kroki", language="pl")
    html = client.get(tip.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html and '<article lang="pl">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "expected"), [("1", "every 1 day,"), ("2", "every 2 days,")])
def test_the_summary_counts_days_in_the_singular_and_plural(client, days, expected):
    html = client.get(reverse("resources:planner"), {**GOOD, "days_per_step": days}).content.decode()
    summary = html.split('class="planner-summary"', 1)[1].split("</p>", 1)[0]
    assert expected in summary
    assert "every 1 days" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["tip", "experience"])
def test_community_lists_show_the_page_language_first_and_mark_the_rest(
    three_languages, client, make_tip, make_experience, kind
):
    make = make_tip if kind == "tip" else make_experience
    make("English one", language="en")
    make("Polska historia", language="pl")
    make("English two", language="en")
    with translation.override("pl"):
        url = reverse(f"resources:{kind}_list")
    html = client.get(url).content.decode()
    assert html.index("Polska historia") < html.index("English one")
    assert html.index("Polska historia") < html.index("English two")
    assert '<h2 lang="en"><a' in html and '<span lang="en">English</span>' in html
    assert '<span lang="pl">Polski</span>' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["es", "pl"])
def test_drug_pages_show_the_local_name_on_translated_pages(three_languages, client, make_drug, code):
    drug = make_drug(
        "Sertraline", other_names="Lustral", local_names={"es": "sertralina", "pl": "sertralina"}
    )
    with translation.override(code):
        detail, listing = drug.get_absolute_url(), reverse("resources:drug_list")
    html = client.get(detail).content.decode()
    assert f'<h1 lang="{code}">Sertralina</h1>' in html
    assert "Sertraline, Lustral" in html  # the English name is still there, among the other names
    assert ">Sertralina</a></h3>" in client.get(listing).content.decode()
    with translation.override("en"):
        english = client.get(drug.get_absolute_url()).content.decode()
    assert "<h1>Sertraline</h1>" in english


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["sertralina", "Sertraline", "zoloft"])
def test_the_drug_list_filter_finds_a_drug_by_any_of_its_names(client, make_drug, query):
    make_drug("Sertraline", other_names="Zoloft", local_names={"es": "sertralina"})
    make_drug("Diazepam", local_names={"es": "diazepam"})
    html = client.get(reverse("resources:drug_list"), {"q": query}).content.decode()
    assert "Sertraline" in html and "Diazepam</a>" not in html


@pytest.mark.django_db
def test_the_demo_drugs_have_spanish_and_polish_names():
    from django.core.management import call_command

    from resources.models import Drug

    call_command("load_demo")
    drug = Drug.objects.get(slug="sertraline")
    assert drug.local_names == {"es": "sertralina", "pl": "sertralina"}
    assert Drug.objects.get(slug="diazepam").local_names == {"es": "diazepam", "pl": "diazepam"}
    assert "sertralina" in drug.search_document().other_names
