"""The shared content lifecycle: what "published" means, how a page loads it, and
how Markdown fields become the HTML a page shows.

Every public model's QuerySet inherits from `PublishableQuerySet` (the shape of
djangoproject.com's `EntryQuerySet`):

- `published()` is a pure filter: no eager loading, no ordering. It can be
  combined with anything (a count, `values()`, a subquery, `only()`) without
  first undoing work, which is what the old `prefetch_related(None)` calls did.
- `for_list()` and `for_detail()` are `published()` plus what a list page or a
  detail page renders (joins, prefetches, the list's order). They start from
  `published()` themselves, so a page cannot ask for the loading and forget the
  filter.

What "published" means stays each model's own, through one hook,
`published_q()`: articles by status and a publication time already past, drugs
and tapering methods by their `is_published` boolean, community content by
status. Migrating the two editorial models from a boolean to a status would
touch their admin, demo data, forms, reviews and existing rows for no reader-
visible gain, so the hook is the smaller, safer change: every caller still asks
one question, `published()`, and gets one answer per model.
"""

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Self

from django.db import models

from withdrawal_site.markdown import render_markdown


class PublishableQuerySet(models.QuerySet):
    """Published content, and the eager loading each kind of page needs.

    Subclasses set `published_q()` and, where their pages need them, the
    class attributes below. `detail_*` default to the list's choices.
    """

    list_select_related: Sequence[str] = ()
    list_prefetch_related: Sequence[str | models.Prefetch] = ()
    # Empty: the model's Meta.ordering.
    list_ordering: Sequence[str] = ()
    detail_select_related: Sequence[str] | None = None
    detail_prefetch_related: Sequence[str | models.Prefetch] | None = None

    def published_q(self) -> models.Q:
        """The condition for "the public may see this", evaluated when called (it may use the time)."""
        raise NotImplementedError(f"{type(self).__name__} must say what published means")

    def published(self) -> Self:
        """What the public may see, and nothing else: no joins, no prefetches, no ordering.

        Every public view, feed, sitemap and search rebuild starts here (or at
        `for_list()`/`for_detail()`, which start here), so unpublished content
        cannot leak through one of them.
        """
        return self.filter(self.published_q())

    def for_list(self) -> Self:
        """Published items with what a list of them renders, in the list's order."""
        queryset = self.published()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.list_prefetch_related:
            queryset = queryset.prefetch_related(*self.list_prefetch_related)
        if self.list_ordering:
            queryset = queryset.order_by(*self.list_ordering)
        return queryset

    def for_detail(self) -> Self:
        """Published items with what one item's own page renders."""
        queryset = self.published()
        select, prefetch = self.detail_select_related, self.detail_prefetch_related
        if select is None:
            select = self.list_select_related
        if prefetch is None:
            prefetch = self.list_prefetch_related
        if select:
            queryset = queryset.select_related(*select)
        if prefetch:
            queryset = queryset.prefetch_related(*prefetch)
        return queryset


class MarkdownFieldsMixin:
    """Renders a model's Markdown source fields into their stored HTML fields on save.

    A model declares the pairs, `markdown_fields = {"body": "body_html"}`, and
    pages show the stored HTML, so no page renders Markdown. Rendering goes
    through the one sanitising pipeline (withdrawal_site.markdown); a model that
    derives more from a source (an article's headings and word count) overrides
    `rendered_from_markdown()`, and previews get the same through
    `render_markdown_fields()`.

    With `save(update_fields=...)`, only sources being saved are rendered, and
    their derived fields are saved with them, so stored HTML never disagrees
    with the source it was rendered from.
    """

    markdown_fields: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def rendered_from_markdown(cls, source: str, text: str) -> dict[str, Any]:
        """The stored field values one source field's text gives (usually just its HTML)."""
        return {cls.markdown_fields[source]: render_markdown(text)}

    def render_markdown_sources(self, only: Sequence[str] | None = None) -> set[str]:
        """Set the stored fields from the sources (`only` those, if given); returns the fields set."""
        written: set[str] = set()
        for source in self.markdown_fields:
            if only is not None and source not in only:
                continue
            for name, value in self.rendered_from_markdown(source, getattr(self, source) or "").items():
                setattr(self, name, value)
                written.add(name)
        return written

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        written = self.render_markdown_sources(None if update_fields is None else set(update_fields))
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *written}
        super().save(*args, **kwargs)


def render_markdown_fields(model: type[MarkdownFieldsMixin], data: Mapping[str, Any]) -> dict[str, Any]:
    """What `model` would store for these unsaved source values, without an instance or a save.

    For previews of contributions and corrections (moderation): given form data
    such as `{"title": ..., "body": "Salt & *vinegar*"}`, returns the stored
    fields the model's own save would write, here `{"body_html": "<p>Salt
    &amp; <em>vinegar</em></p>"}`, through the same pipeline and the same
    per-model rules. Sources missing from `data` are left out; other keys are
    ignored.
    """
    rendered: dict[str, Any] = {}
    for source in model.markdown_fields:
        if source in data:
            rendered |= model.rendered_from_markdown(source, str(data[source] or ""))
    return rendered
