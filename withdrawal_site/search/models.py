"""The search index: one row per published object, kept current by signals.

The index is a denormalised copy of what `search_document()` returned, so a
search reads one table and never touches the content apps. On PostgreSQL the
row also carries a weighted `tsvector` (title and other names A, summary B,
body C) with a GIN index; the index, the pg_trgm extension and the trigram
index on `SearchTerm` are created by a migration that runs only on
PostgreSQL, so the same migrations apply on SQLite, where `search_vector`
stays empty and a simpler fallback search is used.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .documents import SearchKind


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    kind = models.CharField(_("kind"), max_length=20, choices=SearchKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    other_names = models.TextField(_("other names"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("URL"), max_length=500)
    language = models.CharField(_("language"), max_length=10, default="en")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    drug_classes = models.JSONField(_("drug classes"), default=list, blank=True)
    # Filled on PostgreSQL only (services._store_vectors); NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # Title and other names alone: finds title matches among very many matches cheaply.
    title_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_unique_object")
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """A word from the titles and other names, for typo correction.

    Trigram matching a misspelt word against a few thousand distinct words is
    fast; matching it against every title of a large index is not. Words are
    added when documents are indexed and pruned by `rebuild_search_index`; a
    stale word is harmless because a correction is only offered when it finds
    results.
    """

    term = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term
