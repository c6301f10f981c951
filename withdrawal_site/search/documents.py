"""The contract between content apps and the search index.

A searchable model is registered once (in its AppConfig.ready) with
`withdrawal_site.search.registry.register(Model)` and implements

    def search_document(self) -> SearchDocument | None

returning None whenever the object must not be found (draft, pending,
unpublished). The index calls it whenever the object is saved or deleted, in
the same transaction, so publishing and unpublishing update search at once.
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
