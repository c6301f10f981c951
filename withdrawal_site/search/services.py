"""Writing to the search index.

Every write goes through these functions: the signal handlers (save, delete,
M2M change of a registered model), `rebuild_search_index`, and the benchmark.
They run inside `transaction.atomic`, so when a publishing service saves an
object inside its own transaction, the index changes commit or roll back with
it.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, models, transaction
from django.db.models import TextField, Value

from .documents import SearchDocument, SearchKind
from .models import SearchEntry, SearchTerm
from .registry import searchable_models
from .spelling import normalise

# The text search configuration for documents and queries alike.
SEARCH_CONFIG = "english"
# ts_headline marks matches with these private-use characters; they are
# removed from indexed text, so after escaping they can only be our markers.
MARK_START = "\ue000"
MARK_STOP = "\ue001"

MAX_TITLE = 300
MAX_URL = 500
MAX_TEXT = 100_000
MAX_TERM = 100

_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_TERM = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(frozen=True)
class SearchKey:
    """Which object an index entry stands for."""

    content_type_id: int
    object_id: str


def key_for(instance: models.Model) -> SearchKey:
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    return SearchKey(content_type.pk, str(instance.pk))


def clean_text(text: str | None, limit: int = MAX_TEXT) -> str:
    """Text that PostgreSQL accepts (no NUL) and that cannot fake a highlight marker."""
    return _UNSAFE_CHARACTERS.sub(" ", text or "")[:limit].strip()


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def vector_for(document: SearchDocument) -> SearchVector:
    """The weighted tsvector of a document: title and other names A, summary B, body C."""
    parts = (
        (document.title, "A"),
        (document.other_names, "A"),
        (document.summary, "B"),
        (document.body, "C"),
    )
    vectors = [
        SearchVector(
            Value(normalise(clean_text(text)), output_field=TextField()), weight=weight, config=SEARCH_CONFIG
        )
        for text, weight in parts
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def _entry_fields(document: SearchDocument) -> dict:
    if document.kind not in SearchKind.values:
        raise ValueError(f"Unknown search kind {document.kind!r}; use a SearchKind value.")
    fields = {
        "kind": document.kind,
        "title": clean_text(document.title, MAX_TITLE),
        "other_names": clean_text(document.other_names),
        "summary": clean_text(document.summary),
        "body": clean_text(document.body),
        "url": clean_text(document.url, MAX_URL),
        "language": (document.language or "en")[:10],
        "published_at": document.published_at,
        "drug_classes": sorted(set(document.drug_classes)),
    }
    if uses_full_text_search():
        fields["search_vector"] = vector_for(document)
    return fields


def terms_of(document: SearchDocument) -> set[str]:
    """The words of a document that typo correction may suggest."""
    text = " ".join((document.title, document.other_names, document.summary))
    return {word for word in _TERM.findall(clean_text(text).lower()) if len(word) <= MAX_TERM}


def _add_terms(terms: set[str]) -> None:
    if terms:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term) for term in sorted(terms)], ignore_conflicts=True, batch_size=1000
        )


@transaction.atomic
def index_document(key: SearchKey, document: SearchDocument | None) -> None:
    """Put `document` in the index under `key`, or take `key` out when it is None."""
    if document is None:
        remove(key)
        return
    SearchEntry.objects.update_or_create(
        content_type_id=key.content_type_id, object_id=key.object_id, defaults=_entry_fields(document)
    )
    _add_terms(terms_of(document))


@transaction.atomic
def remove(key: SearchKey) -> None:
    SearchEntry.objects.filter(content_type_id=key.content_type_id, object_id=key.object_id).delete()


def index_object(instance: models.Model) -> None:
    """Index a registered object as it is now: found if public, gone if not."""
    index_document(key_for(instance), instance.search_document())


def remove_object(instance: models.Model) -> None:
    remove(key_for(instance))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def bulk_index(items: Iterable[tuple[SearchKey, SearchDocument]], *, batch_size: int = 500) -> int:
    """Insert many new entries quickly (rebuild and benchmark); the keys must not be indexed yet."""
    count = 0
    for batch in _batches(items, batch_size):
        entries = []
        terms: set[str] = set()
        for key, document in batch:
            entries.append(
                SearchEntry(
                    content_type_id=key.content_type_id, object_id=key.object_id, **_entry_fields(document)
                )
            )
            terms |= terms_of(document)
        with transaction.atomic():
            SearchEntry.objects.bulk_create(entries)
            _add_terms(terms)
        count += len(entries)
    return count


def _registered_documents() -> Iterator[tuple[SearchKey, SearchDocument]]:
    for model in searchable_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        for instance in model._default_manager.all().iterator(chunk_size=500):
            document = instance.search_document()
            if document is not None:
                yield SearchKey(content_type.pk, str(instance.pk)), document


@transaction.atomic
def rebuild_index(*, batch_size: int = 500) -> int:
    """Empty the index and fill it again from every registered model; returns the entry count."""
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    return bulk_index(_registered_documents(), batch_size=batch_size)
