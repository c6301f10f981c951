"""Full-text search behaviour that only the PostgreSQL engine has."""

import pytest
from django.db import connection

from withdrawal_site.search.query import search

from .conftest import requires_postgresql

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, requires_postgresql]


def titles(query: str, **kwargs) -> list[str]:
    return [hit.title for hit in search(query, **kwargs).hits]


def test_stemming(corpus):
    assert "Diazepam" in titles("benzodiazepine")


def test_websearch_phrase(index_doc):
    index_doc(title="Slow taper", body="A slow taper by a tenth of the current dose.", url="/1/")
    index_doc(title="Taper notes", body="The taper was not slow enough.", url="/2/")
    assert titles('"slow taper"') == ["Slow taper"]
    assert set(titles("slow taper")) == {"Slow taper", "Taper notes"}


def test_websearch_exclusion_and_or(corpus):
    assert "Sertraline" not in titles("liquid -zoloft")
    assert "Liquid titration" in titles("liquid -zoloft")
    assert set(titles("valium or zoloft")) == {"Diazepam", "Sertraline"}


def test_typo_is_found_through_stemming_or_trigram(corpus):
    assert titles("sertralin")[0] == "Sertraline"


def test_typo_is_corrected_by_trigram(corpus):
    results = search("setraline")
    assert results.corrected_query == "sertraline"
    assert results.hits[0].title == "Sertraline"


def test_typo_in_brand_name(corpus):
    results = search("zoloff")
    assert results.hits and results.hits[0].title == "Sertraline"


def test_did_you_mean_when_few_results(index_doc, corpus):
    index_doc(title="Notes", body="A diary of my sertralline taper.", url="/n/")  # a typo in a document
    results = search("sertralline")
    assert results.total == 1
    assert results.suggestion == "sertraline"


def test_brand_name_finds_the_drug(corpus):
    assert titles("Zoloft") == ["Sertraline"]
    assert titles("lustral") == ["Sertraline"]


@pytest.mark.parametrize("query", ["tranquilliser", "tranquilizer", "tranquiliser", "Tranquillizers"])
def test_british_and_american_spellings(corpus, query):
    assert titles(query) == ["Diazepam"]


@pytest.mark.parametrize("query", ["behaviour", "behavior"])
def test_spelling_folding_in_bodies(corpus, query):
    assert titles(query) == ["Keep a symptom diary"]


def test_snippet_highlights_and_escapes(index_doc):
    index_doc(title="Dose", body="Measure 1 < 2 ml & never guess: the liquid sertraline dose.", url="/d/")
    snippet = search("liquid").hits[0].snippet
    assert "<mark>liquid</mark>" in snippet
    assert "&lt;" in snippet and "&amp;" in snippet
    assert "< 2" not in snippet


def test_gin_index_serves_the_search(corpus):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM search_searchentry "
            "WHERE search_vector @@ websearch_to_tsquery('english', 'sertraline')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_vector_gin" in plan


def test_trigram_extension_and_index_exist(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_term_trigram_gin'")
        assert cursor.fetchone()


def test_the_page_about_a_drug_comes_before_pages_naming_it(index_doc):
    for month in range(1, 6):
        index_doc(kind="experience", title=f"Coming off sertraline: month {month}", body="Sertraline again.")
    index_doc(
        kind="drug", title="Sertraline", other_names="Zoloft", summary="An SSRI.", url="/drugs/sertraline/"
    )
    assert titles("sertraline")[0] == "Sertraline"


# Issue 11, finding 4: operator soup must never raise "tsquery stack too small".


@pytest.mark.parametrize(
    "query",
    [
        "-" * 33,
        "-" * 200,
        "- " * 60 + "taper",
        "liquid " + "-" * 40 + "zoloft",
        "-" * 33 + "a",
        '"-' * 30 + "x",
        "-!(-)|&<->" * 15,
        "or " * 60 + "taper",
    ],
)
def test_operator_soup_is_searched_without_an_error(client, corpus, query):
    search(query)  # raised ProgrammingError before
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_a_run_of_dashes_still_means_one_exclusion(corpus):
    assert "Sertraline" not in titles("liquid ----zoloft")
    assert "Liquid titration" in titles("liquid ----zoloft")
