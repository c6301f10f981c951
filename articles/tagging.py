"""Tags across content types: which types a tag page lists, and which tags have content.

Articles, tips, experiences and resource links share django-taggit tags. Each
type joins here with one entry; the tag page and the sitemap both read this list.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from resources.models import Experience, ResourceLink, Tip

from .models import Article


@dataclass(frozen=True)
class TagSectionSource:
    """One content type on the tag page.

    `published()` gives the type's public items; its QuerySet offers
    `tagged(slug)`. The list page at `list_url_name` filters by `?tag=`.
    """

    label: str | Promise
    published: Callable[[], QuerySet]
    list_url_name: str

    def items(self, tag: Tag) -> QuerySet:
        # Only titles and links are listed: the pure published() filter loads nothing more.
        return self.published().tagged(tag.slug)

    def full_list_url(self, tag: Tag) -> str:
        return reverse(self.list_url_name) + "?" + urlencode({"tag": tag.slug})


TAG_SECTIONS: list[TagSectionSource] = [
    TagSectionSource(_("Articles"), lambda: Article.objects.published(), "articles:list"),
    TagSectionSource(_("Tips"), lambda: Tip.objects.published(), "resources:tip_list"),
    TagSectionSource(_("Experiences"), lambda: Experience.objects.published(), "resources:experience_list"),
    TagSectionSource(_("Resource links"), lambda: ResourceLink.objects.published(), "resources:link_list"),
]


def tags_with_published_content() -> QuerySet[Tag]:
    """Tags on at least one published item of any type: the tag pages worth listing."""
    on_published = Q()
    for source in TAG_SECTIONS:
        queryset = source.published()
        on_published |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(queryset.model),
            taggit_taggeditem_items__object_id__in=queryset.values("pk"),
        )
    return Tag.objects.filter(on_published).distinct().order_by("name")
