"""The SQLite fallback: every word somewhere, title matches first, spellings folded."""

import pytest

from withdrawal_site.search.query import search
from withdrawal_site.search.spelling import normalise, variants

from .conftest import requires_sqlite

pytestmark = pytest.mark.django_db


def titles(query: str, **kwargs) -> list[str]:
    return [hit.title for hit in search(query, **kwargs).hits]


@requires_sqlite
def test_every_word_must_match(corpus):
    assert titles("sertraline dizziness") == ["Sertraline"]
    assert set(titles("sertraline")) == {"Sertraline", "Liquid titration"}


@requires_sqlite
def test_title_matches_come_first(corpus):
    assert titles("sertraline")[0] == "Sertraline"


@requires_sqlite
@pytest.mark.parametrize("query", ["tranquilliser", "tranquilizer", "Zoloft", "benzodiazepine"])
def test_spellings_and_other_names(corpus, query):
    assert titles(query)


@requires_sqlite
def test_snippet_marks_the_match_and_escapes(index_doc):
    index_doc(title="Dose", body="Measure 1 < 2 ml of the liquid & never guess.", url="/d/")
    snippet = search("liquid").hits[0].snippet
    assert "<mark>liquid</mark>" in snippet
    assert "&lt; 2" in snippet and "&amp;" in snippet


@requires_sqlite
def test_typo_correction_with_difflib(corpus):
    results = search("diazepan")
    assert results.corrected_query == "diazepam"


def test_normaliser_folds_curated_british_spellings():
    assert normalise("Tranquillisers change behaviour") == "Tranquilizers change behavior"
    assert normalise("exercise and promise") == "exercise and promise"
    assert normalise("MOOD-STABILISER") == "MOOD-STABILIZER"
    assert {"tranquilliser", "tranquilizer"} <= variants("Tranquilizer")
