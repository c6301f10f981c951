"""What each content app offers the shared taxonomy, declared in its `AppConfig.ready()`.

The tag page lists every tagged type and the directory's search finds drug
classes by a drug's name, yet no content app imports another: each app
registers here what it provides, and taxonomy asks for it by this list.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class TaggedType:
    """One content type on the tag page: its public items and the list that filters by `?tag=`."""

    model: type[Model]
    label: str | Promise
    list_url_name: str
    position: int
    published: Callable[[], QuerySet]

    def full_list_url(self, slug: str) -> str:
        return reverse(self.list_url_name) + "?" + urlencode({"tag": slug})


_tagged_types: dict[str, TaggedType] = {}
_drug_lookups: dict[str, Callable[[str], QuerySet]] = {}


def register_tagged_type(
    model: type[Model],
    *,
    label: str | Promise,
    list_url_name: str,
    position: int,
    published: Callable[[], QuerySet] | None = None,
) -> None:
    """Offer `model` to the tag page and the tag sitemap; `published` defaults to `objects.published()`.

    Keyed by the model, so a second `ready()` (as in some test runners) replaces
    rather than duplicates the entry.
    """
    _tagged_types[model._meta.label] = TaggedType(
        model=model,
        label=label,
        list_url_name=list_url_name,
        position=position,
        published=published or (lambda: model.objects.published()),
    )


def tagged_types() -> list[TaggedType]:
    return sorted(_tagged_types.values(), key=lambda tagged_type: tagged_type.position)


def register_drug_lookup(name: str, lookup: Callable[[str], QuerySet]) -> None:
    """`lookup(text)` gives the primary keys (a values queryset) of the drug classes of public
    drugs whose names contain `text`."""
    _drug_lookups[name] = lookup


def drug_lookups() -> list[Callable[[str], QuerySet]]:
    return list(_drug_lookups.values())
