import itertools

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from withdrawal_site.search import services
from withdrawal_site.search.documents import SearchDocument
from withdrawal_site.search.models import SearchEntry

_ids = itertools.count(1)

requires_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (set DATABASE_URL to a PostgreSQL database to run)",
)
requires_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="tests the SQLite fallback engine only"
)


def document(**fields) -> SearchDocument:
    fields.setdefault("kind", "article")
    fields.setdefault("title", "Untitled")
    fields.setdefault("url", "/somewhere/")
    return SearchDocument(**fields)


@pytest.fixture
def index_doc(db):
    """Index a SearchDocument directly under a fresh key; returns the key."""

    def _index(**fields) -> services.SearchKey:
        key = services.SearchKey(ContentType.objects.get_for_model(SearchEntry).pk, str(next(_ids)))
        services.index_document(key, document(**fields))
        return key

    return _index


@pytest.fixture
def corpus(index_doc):
    """A small, realistic index."""
    index_doc(
        kind="drug",
        title="Sertraline",
        other_names="Zoloft Lustral",
        summary="An SSRI antidepressant. Liquid form available in some countries.",
        body="Sertraline withdrawal can include dizziness, brain zaps and low mood.",
        url="/drugs/sertraline/",
        drug_classes=("antidepressants",),
    )
    index_doc(
        kind="drug",
        title="Diazepam",
        other_names="Valium",
        summary="A long-acting benzodiazepine tranquilliser.",
        body="Often used for a crossover taper from shorter-acting benzodiazepines.",
        url="/drugs/diazepam/",
        drug_classes=("benzodiazepines",),
    )
    index_doc(
        kind="method",
        title="Liquid titration",
        summary="Dissolve or suspend a tablet in water and measure the dose with a syringe.",
        body="Useful for small reductions of drugs such as sertraline or paroxetine.",
        url="/tapering/liquid-titration/",
    )
    index_doc(
        kind="tip",
        title="Keep a symptom diary",
        body="Write down sleep, mood and behaviour each day so you can see trends over weeks.",
        url="/tips/1/",
    )
    index_doc(
        kind="listing",
        title="Benzo support line",
        summary="A helpline for people tapering benzodiazepines.",
        body="Volunteers with lived experience answer calls.",
        url="/support/benzo-support-line/",
    )
