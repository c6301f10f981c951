"""Writing to the index through the service functions."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from withdrawal_site.search import services
from withdrawal_site.search.models import SearchEntry, SearchTerm
from withdrawal_site.search.query import search

from .conftest import document

pytestmark = pytest.mark.django_db


def titles(query: str, **kwargs) -> list[str]:
    return [hit.title for hit in search(query, **kwargs).hits]


def test_indexed_document_is_found(index_doc):
    index_doc(title="Cut and weigh", body="Use a milligram scale to weigh tablet pieces.", kind="method")
    assert titles("scale") == ["Cut and weigh"]
    entry = SearchEntry.objects.get()
    assert entry.kind == "method"
    assert entry.url == "/somewhere/"


def test_indexing_again_updates_the_entry(index_doc):
    key = index_doc(title="Bead counting", body="Uses a pill cutter.")
    services.index_document(key, document(title="Bead counting", body="Open the capsule and count pellets."))
    assert SearchEntry.objects.count() == 1
    assert titles("pellets") == ["Bead counting"]
    assert titles("cutter") == []


def test_none_document_removes_the_entry(index_doc):
    """An object that is unpublished returns None from search_document()."""
    key = index_doc(title="Tapering strips")
    services.index_document(key, None)
    assert not SearchEntry.objects.exists()
    assert titles("strips") == []


def test_remove(index_doc):
    key = index_doc(title="Compounding pharmacy")
    services.remove(key)
    assert titles("compounding") == []


def test_index_change_rolls_back_with_the_transaction(index_doc):
    key = services.SearchKey(ContentType.objects.get_for_model(SearchEntry).pk, "rollback")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.index_document(key, document(title="Never published"))
        raise RuntimeError
    assert not SearchEntry.objects.filter(object_id="rollback").exists()


def test_unknown_kind_is_refused(index_doc):
    with pytest.raises(ValueError, match="Unknown search kind"):
        index_doc(kind="podcast")


def test_nul_and_marker_characters_are_stripped(index_doc):
    index_doc(title="Nul\x00title \ue000marker\ue001", body="body\x00text")
    entry = SearchEntry.objects.get()
    assert "\x00" not in entry.title + entry.body
    assert "\ue000" not in entry.title


def test_title_match_ranks_above_body_match(index_doc):
    index_doc(title="Sleep during withdrawal", body="Some notes.", url="/a/")
    index_doc(title="Notes from month three", body="I could not sleep for weeks.", url="/b/")
    index_doc(title="Weekly notes", summary="Mostly about sleep.", url="/c/")
    assert titles("sleep") == ["Sleep during withdrawal", "Weekly notes", "Notes from month three"]


def test_other_names_match_like_the_title(corpus):
    assert titles("zoloft")[0] == "Sertraline"
    assert titles("Valium") == ["Diazepam"]


def test_words_of_titles_become_correction_terms(index_doc):
    index_doc(title="Venlafaxine", other_names="Effexor", summary="An SNRI.")
    assert {"venlafaxine", "effexor", "snri"} <= set(SearchTerm.objects.values_list("term", flat=True))


def test_bulk_index_and_rebuild_with_nothing_registered(index_doc):
    key = services.SearchKey(ContentType.objects.get_for_model(SearchEntry).pk, "bulk")
    assert services.bulk_index([(key, document(title="Bulk"))]) == 1
    assert titles("bulk") == ["Bulk"]
    assert services.rebuild_index() == 0
    assert not SearchEntry.objects.exists()
