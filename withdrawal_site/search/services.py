"""Writing to the search index.

Every write goes through these functions: `index_objects` (called once per
committed transaction by signals.py), `rebuild_search_index`, and the
benchmark. Each runs in its own `transaction.atomic`.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction

from .documents import SearchDocument, SearchKind
from .models import SearchEntry, SearchTerm
from .registry import searchable_models
from .spelling import normalise

# The text search configuration of English documents and queries.
SEARCH_CONFIG = "english"
# PostgreSQL has no Polish stemmer: `simple` with accents folded (migration 0005).
SIMPLE_UNACCENT_CONFIG = "wc_simple_unaccent"
# Each language's configuration, for its documents and for queries from its pages.
LANGUAGE_CONFIGS = {"en": SEARCH_CONFIG, "es": "spanish", "pl": SIMPLE_UNACCENT_CONFIG}
# Drug names are indexed a second time with this one, and every query is also read
# with it, so "sertralina" on an English page and "sertraline" on a Polish one
# both find the drug.
NAMES_CONFIG = SIMPLE_UNACCENT_CONFIG
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


def config_for(language: str | None) -> str:
    """The text search configuration for a language code ("es-ES" reads as "es"); English otherwise."""
    code = (language or "").lower().split("-")[0].split("_")[0]
    return LANGUAGE_CONFIGS.get(code, SEARCH_CONFIG)


_VECTOR_SQL = f"""
    UPDATE {SearchEntry._meta.db_table} AS entry SET
        search_vector = setweight(to_tsvector(doc.config::regconfig, doc.title), 'A')
            || setweight(to_tsvector(doc.config::regconfig, doc.other_names), 'A')
            || setweight(to_tsvector(%s::regconfig, doc.names), 'A')
            || setweight(to_tsvector(doc.config::regconfig, doc.summary), 'B')
            || setweight(to_tsvector(doc.config::regconfig, doc.body), 'C'),
        title_vector = to_tsvector(doc.config::regconfig, doc.title || ' ' || doc.other_names)
            || to_tsvector(%s::regconfig, doc.names)
    FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[])
        AS doc(id, title, other_names, summary, body, config, names)
    WHERE entry.id = doc.id
"""


def _store_vectors(entries: list[tuple[int, SearchDocument]]) -> None:
    """Set the weighted tsvector of entries, in one statement (PostgreSQL only).

    Title and other names weigh A, summary B, body C, each read with the
    document's language's configuration. A drug's names are added once more,
    unstemmed and without accents (NAMES_CONFIG), for queries in any language.
    The text passes through the spelling normaliser first, so British and
    American spellings meet.
    """
    if not entries or not uses_full_text_search():
        return
    columns: list[list] = [[], [], [], [], [], [], []]
    for pk, document in entries:
        columns[0].append(pk)
        for position, text in enumerate(
            (document.title, document.other_names, document.summary, document.body), 1
        ):
            columns[position].append(normalise(clean_text(text)))
        columns[5].append(config_for(document.language))
        is_drug = document.kind == SearchKind.DRUG
        columns[6].append(clean_text(f"{document.title} {document.other_names}") if is_drug else "")
    with connection.cursor() as cursor:
        cursor.execute(_VECTOR_SQL, [NAMES_CONFIG, NAMES_CONFIG, *columns])


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
    entry, _ = SearchEntry.objects.update_or_create(
        content_type_id=key.content_type_id, object_id=key.object_id, defaults=_entry_fields(document)
    )
    _store_vectors([(entry.pk, document)])
    _add_terms(terms_of(document))


@transaction.atomic
def remove(key: SearchKey) -> None:
    SearchEntry.objects.filter(content_type_id=key.content_type_id, object_id=key.object_id).delete()


_ENTRY_UPDATE_FIELDS = [
    "kind",
    "title",
    "other_names",
    "summary",
    "body",
    "url",
    "language",
    "published_at",
    "drug_classes",
    "indexed_at",
]


@transaction.atomic
def index_objects(model: type[models.Model], pks: Iterable) -> None:
    """Index these objects as they are now, in bulk: found if public, gone if not (or deleted).

    A few statements whatever the number of objects: the objects with what
    their documents read (`search_queryset`), one delete, one upsert, one
    vector update and one insert of terms.
    """
    pks = list(pks)
    wanted = {str(pk) for pk in pks}
    if not wanted:
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    documents: dict[str, SearchDocument] = {}
    for batch in _batches(pks, 500):
        for instance in model.search_queryset(model._default_manager.filter(pk__in=batch)):
            document = instance.search_document()
            if document is not None:
                documents[str(instance.pk)] = document
    gone = wanted - documents.keys()
    if gone:
        SearchEntry.objects.filter(content_type=content_type, object_id__in=sorted(gone)).delete()
    if not documents:
        return
    entries = [
        SearchEntry(content_type=content_type, object_id=object_id, **_entry_fields(document))
        for object_id, document in documents.items()
    ]
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=_ENTRY_UPDATE_FIELDS,
    )
    if uses_full_text_search() and any(entry.pk is None for entry in entries):
        ids = dict(
            SearchEntry.objects.filter(content_type=content_type, object_id__in=list(documents)).values_list(
                "object_id", "pk"
            )
        )
        for entry in entries:
            entry.pk = ids[entry.object_id]
    _store_vectors([(entry.pk, documents[entry.object_id]) for entry in entries])
    _add_terms(set().union(*(terms_of(document) for document in documents.values())))


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
            _store_vectors(
                [(entry.pk, document) for entry, (_, document) in zip(entries, batch, strict=True)]
            )
            _add_terms(terms)
        count += len(entries)
    return count


def _registered_documents() -> Iterator[tuple[SearchKey, SearchDocument]]:
    for model in searchable_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        for instance in model.search_queryset(model._default_manager.all()).iterator(chunk_size=500):
            document = instance.search_document()
            if document is not None:
                yield SearchKey(content_type.pk, str(instance.pk)), document


@transaction.atomic
def rebuild_index(*, batch_size: int = 500) -> int:
    """Empty the index and fill it again from every registered model; returns the entry count."""
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    return bulk_index(_registered_documents(), batch_size=batch_size)
