"""The contract between content apps and the search index.

A model is searchable when it is `Indexed` (the search app finds such models
in its ready(), as Wagtail does) and implements

    def search_document(self) -> SearchDocument | None

returning None whenever the object must not be found (draft, pending,
unpublished). The index asks again whenever a transaction that saved,
deleted or re-related the object commits (withdrawal_site/content_changed.py),
once per object, so publishing and unpublishing update search at once.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    """What a search result is; the search page filters by it."""

    ARTICLE = "article", _("Article")
    DRUG = "drug", _("Drug")
    METHOD = "method", _("Tapering method")
    TIP = "tip", _("Tip")
    EXPERIENCE = "experience", _("Experience")
    RESOURCE = "resource", _("Resource link")
    LISTING = "listing", _("Directory listing")


@dataclass(frozen=True)
class SearchDocument:
    kind: str  # a SearchKind value: article, drug, method, tip, experience, resource, listing
    title: str
    url: str
    summary: str = ""
    body: str = ""  # plain text, no markup
    other_names: str = ""  # brand names, synonyms, other spellings: matched like the title
    language: str = "en"
    published_at: datetime | None = None
    drug_classes: tuple[str, ...] = field(default_factory=tuple)  # DrugClass slugs


class Indexed:
    """Mixin for a model whose objects can be found by search.

    Content apps declare what they index here, in their own models, so the
    search app needs no list of them and they need not import it beyond this
    module.
    """

    def search_document(self) -> SearchDocument | None:
        raise NotImplementedError(f"{type(self).__name__} is Indexed but has no search_document()")

    @classmethod
    def search_queryset(cls, queryset: models.QuerySet) -> models.QuerySet:
        """`queryset` with what search_document() reads loaded in bulk.

        The index reads many objects at once (a rebuild, an import's commit);
        without this each document would cost its own queries.
        """
        return queryset
