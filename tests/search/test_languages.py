"""Search in each language: documents indexed with their language's configuration, queries read in the page's.

PostgreSQL: Spanish is stemmed with `spanish`, Polish read with `simple` plus
`unaccent` (no Polish stemmer exists), and a drug is found by its name in any
language from any page. SQLite fallback: accents are folded.
"""

import pytest
from django.db import connection
from django.utils import translation

from withdrawal_site.search import services
from withdrawal_site.search.query import fold, search

from .conftest import requires_postgresql, requires_sqlite

pytestmark = pytest.mark.django_db


def titles(query: str, **kwargs) -> list[str]:
    return [hit.title for hit in search(query, **kwargs).hits]


@pytest.fixture
def multilingual(index_doc):
    index_doc(
        kind="drug",
        title="Sertraline",
        other_names="Zoloft, sertralina",
        summary="An SSRI antidepressant.",
        url="/drugs/sertraline/",
    )
    index_doc(
        kind="drug",
        title="Diazepam",
        other_names="Valium",
        summary="A benzodiazepine.",
        url="/drugs/diazepam/",
    )
    index_doc(
        title="Por qué se reduce poco a poco",
        summary="Las reducciones pequeñas y proporcionales.",
        body="Muchas personas reducen la medicación despacio; los síntomas de retirada cambian.",
        language="es",
        url="/es/articles/por-que/",
    )
    index_doc(
        title="Przedłużone objawy odstawienne",
        summary="Fale i okna.",
        body="Zmniejszanie dawki powoli. Objawy słabną stopniowo.",
        language="pl",
        url="/pl/articles/fale/",
    )
    index_doc(title="Why people taper slowly", body="Reductions by a fraction.", url="/articles/why/")


def test_each_language_has_its_configuration():
    assert services.config_for("es") == "spanish"
    assert services.config_for("es-ES") == "spanish"
    assert services.config_for("pl") == "wc_simple_unaccent"
    assert services.config_for("en") == services.config_for("xx") == "english"


def test_fold_removes_accents_and_polish_letters():
    assert fold("Medicación ŁÓDŹ Zmniejszanie słabną") == "medicacion lodz zmniejszanie slabna"


# --- PostgreSQL ------------------------------------------------------------------------------------


@requires_postgresql
@pytest.mark.postgres
def test_a_spanish_query_is_stemmed_in_spanish(multilingual):
    # "reducciones" and "reduce" share the Spanish stem; the English stemmer would not join them.
    assert titles("reducción", language="es")[0] == "Por qué se reduce poco a poco"
    assert "Por qué se reduce poco a poco" in titles("síntoma", language="es")


@requires_postgresql
@pytest.mark.postgres
def test_a_spanish_document_is_indexed_with_the_spanish_configuration(multilingual):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ to_tsquery('spanish', 'reduccion:*')"
            " FROM search_searchentry WHERE language = 'es'"
        )
        assert cursor.fetchone() == (True,)
        cursor.execute("SELECT search_vector::text FROM search_searchentry WHERE language = 'es'")
        vector = cursor.fetchone()[0]
    assert "'retir'" in vector  # "retirada", stemmed by the Spanish stemmer


@requires_postgresql
@pytest.mark.postgres
def test_a_polish_query_finds_polish_text_with_or_without_polish_letters(multilingual):
    assert titles("objawy odstawienne", language="pl") == ["Przedłużone objawy odstawienne"]
    assert titles("przedluzone", language="pl") == ["Przedłużone objawy odstawienne"]
    assert titles("słabną", language="pl") == ["Przedłużone objawy odstawienne"]


@requires_postgresql
@pytest.mark.postgres
@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("es", "sertralina"),
        ("pl", "sertralina"),
        ("en", "sertralina"),
        ("es", "sertraline"),
        ("pl", "Zoloft"),
    ],
)
def test_drug_names_are_found_in_any_language_from_any_page(multilingual, language, query):
    assert titles(query, language=language)[0] == "Sertraline"


@requires_postgresql
@pytest.mark.postgres
def test_the_search_page_reads_the_query_in_the_page_language(multilingual, client, settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]
    with translation.override("es"):
        from django.urls import reverse

        url = reverse("search:results")
    assert url.startswith("/es/")
    html = client.get(url, {"q": "reducciones"}).content.decode()
    assert "Por qué se reduce poco a poco" in html
    html = client.get(url.replace("/es/", "/pl/"), {"q": "diazepam"}).content.decode()
    assert "/drugs/diazepam/" in html


# --- SQLite fallback -------------------------------------------------------------------------------


@requires_sqlite
def test_the_fallback_folds_accents_both_ways(multilingual):
    assert titles("medicacion") == ["Por qué se reduce poco a poco"]
    assert titles("síntomas")[0] == "Por qué se reduce poco a poco"
    assert titles("przedluzone") == ["Przedłużone objawy odstawienne"]
    assert titles("SŁABNĄ") == ["Przedłużone objawy odstawienne"]


@requires_sqlite
@pytest.mark.parametrize("query", ["sertralina", "Sertraline", "zoloft"])
def test_the_fallback_finds_a_drug_by_any_of_its_names(multilingual, query):
    assert titles(query)[0] == "Sertraline"
