"""Tags shared by every content type: which items carry a tag, and which tags are in use.

Queries go through taggit's TaggedItem by plain foreign keys, matching the
content type by app label and model name, rather than through a model's `tags`
join: taggit 6.1's join condition uses a Django API deprecated in 6.1, which the
test settings turn into an error. Matching by name also costs no ContentType
lookup, so query budgets do not depend on a warm ContentType cache.
"""

from django.db import models
from taggit.models import Tag, TaggedItem


def taggings(model: type[models.Model]) -> models.QuerySet[TaggedItem]:
    """The tag links of one model."""
    return TaggedItem.objects.filter(
        content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
    )


class TaggedQuerySet(models.QuerySet):
    """Mixed into the QuerySet of every tagged model."""

    def tagged(self, slug: str) -> "TaggedQuerySet":
        """Items with the tag of this slug."""
        return self.filter(pk__in=taggings(self.model).filter(tag__slug=slug).values("object_id"))


def tags_in_use(*querysets: models.QuerySet) -> models.QuerySet[Tag]:
    """Tags on at least one item of `querysets`, by name, each with `item_count`.

    The one way to compute the tags worth offering: a list's filter passes its
    published items, the tag sitemap every tagged type's, the admin filter all items.
    """
    if not querysets:
        return Tag.objects.none()
    on_items = models.Q()
    for queryset in querysets:
        opts = queryset.model._meta
        on_items |= models.Q(
            taggit_taggeditem_items__content_type__app_label=opts.app_label,
            taggit_taggeditem_items__content_type__model=opts.model_name,
            taggit_taggeditem_items__object_id__in=queryset.order_by().values("pk"),
        )
    return (
        Tag.objects.filter(on_items)
        .annotate(item_count=models.Count("taggit_taggeditem_items", distinct=True))
        .order_by("name")
    )
