"""Which content carries review dates, and how the due list names and finds it.

Kinds appear in URLs (`/moderation/review-due/drug/3/reviewed/`); each maps to a
model using withdrawal_site.reviewing.Reviewable and to the public pages that
model has, so only published content is listed.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ReviewableKind:
    slug: str
    label: str
    model_label: str
    title_field: str

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)

    def published_items(self) -> QuerySet:
        """The model's own `published()`: a pure filter, so `only()` and `select_for_update()` apply."""
        return self.model.objects.published()

    def title_of(self, item) -> str:
        return str(getattr(item, self.title_field))


KINDS: tuple[ReviewableKind, ...] = (
    ReviewableKind("article", _("Article"), "articles.Article", "title"),
    ReviewableKind("drug", _("Drug"), "resources.Drug", "name"),
    ReviewableKind("method", _("Tapering method"), "resources.TaperingMethod", "name"),
)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}
