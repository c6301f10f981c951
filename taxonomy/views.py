from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import Promise
from django.views.decorators.http import require_safe
from taggit.models import Tag

from .registry import tagged_types

# Each section of a tag page shows this many items, then links to its full list.
TAG_SECTION_LIMIT = 20


@dataclass(frozen=True)
class TagSection:
    label: str | Promise
    items: list
    more_url: str | None


@require_safe
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    sections = []
    for tagged_type in tagged_types():
        # Only titles, summaries and links are listed: published() is a pure filter, so nothing more loads.
        queryset = tagged_type.published().tagged(tag.slug)
        items = list(queryset[: TAG_SECTION_LIMIT + 1])
        sections.append(
            TagSection(
                label=tagged_type.label,
                items=items[:TAG_SECTION_LIMIT],
                more_url=tagged_type.full_list_url(tag.slug) if len(items) > TAG_SECTION_LIMIT else None,
            )
        )
    return render(
        request,
        "taxonomy/tag.html",
        {
            "tag": tag,
            "sections": sections,
            "is_empty": not any(section.items for section in sections),
            "canonical_url": request.build_absolute_uri(reverse("taxonomy:tag", args=[tag.slug])),
        },
    )
