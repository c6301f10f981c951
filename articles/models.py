import math

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from taxonomy.tags import TaggedQuerySet, taggings
from withdrawal_site.content import MarkdownFieldsMixin, PublishableQuerySet
from withdrawal_site.corrections import Correctable
from withdrawal_site.markdown import plain_text, render
from withdrawal_site.reviewing import Reviewable
from withdrawal_site.search.documents import Indexed, SearchDocument

# Plain-language reading speed; deliberately slow, since many readers are unwell.
WORDS_PER_MINUTE = 200
# Short articles read better without a table of contents.
MIN_HEADINGS_FOR_TOC = 3


class ArticleQuerySet(TaggedQuerySet, PublishableQuerySet):
    list_prefetch_related = ("tags",)
    detail_select_related = ("reviewed_by",)
    detail_prefetch_related = ("tags",)

    def published_q(self) -> models.Q:
        """Published status and a publication time already past: a future date is a schedule."""
        return models.Q(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def versions_of(self, article: "Article") -> "ArticleQuerySet":
        """The published versions of the same article in other languages (one query, no prefetch)."""
        original_id = article.translation_of_id or article.pk
        return (
            self.published()
            .filter(models.Q(pk=original_id) | models.Q(translation_of_id=original_id))
            .exclude(pk=article.pk)
            .exclude(language=article.language)
            .only("slug", "title", "language")
            .order_by("language")
        )

    def related_to(self, article: "Article", *, limit: int = 3) -> "ArticleQuerySet":
        """Other published articles, those sharing the most tags with `article` first."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        if not tag_ids:
            return self.none()
        shared_tags = (
            taggings(self.model)
            .filter(object_id=models.OuterRef("pk"), tag_id__in=tag_ids)
            .order_by()
            .values("object_id")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return (
            self.published()
            .exclude(pk=article.pk)
            .annotate(shared_tags=models.Subquery(shared_tags, output_field=models.IntegerField()))
            .filter(shared_tags__gt=0)
            .order_by("-shared_tags", "-published_at", "-pk")[:limit]
        )


class Article(Indexed, MarkdownFieldsMixin, Correctable, Reviewable, models.Model):
    """A plain-language article written and reviewed by editors."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    CORRECTABLE_FIELDS = ("title", "summary", "body", "sources")
    markdown_fields = {"body": "body_html", "sources": "sources_html"}

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two plain sentences, shown in lists, feeds and search results."),
    )
    body = models.TextField(
        _("body (Markdown)"),
        help_text=_(
            "Start section headings with # and subsections with ##: the title above is the "
            "page's main heading, so # becomes the second level."
        ),
    )
    body_html = models.TextField(editable=False, default="")
    headings = models.JSONField(
        editable=False,
        default=list,
        help_text="The body's headings, stored on save so pages never re-render Markdown.",
    )
    word_count = models.PositiveIntegerField(editable=False, default=0)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("The article is public from this moment on, if its status is Published."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_articles",
    )
    sources = models.TextField(
        _("sources (Markdown)"),
        blank=True,
        help_text=_("Where every number and claim comes from. One source per list item."),
    )
    sources_html = models.TextField(editable=False, default="")
    language = models.CharField(
        _("language"), max_length=10, choices=settings.CONTENT_LANGUAGES, default="en"
    )
    # Versions of the same article in other languages point at one original; readers
    # get "Also in: Español, Polski" links. Each version is written for its readers.
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translated_versions",
        help_text=_("The original article, when this is the same article in another language."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()
    # Tags are not versioned; the text, sources and publishing fields are.
    history = HistoricalRecords(excluded_fields=["body_html", "sources_html", "headings"])

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.slug])

    @classmethod
    def rendered_from_markdown(cls, source: str, text: str) -> dict:
        """The body also gives the headings and the word count, stored so pages never re-render."""
        if source != "body":
            return super().rendered_from_markdown(source, text)
        rendered = render(text)
        return {
            "body_html": rendered.html,
            "headings": [
                {"level": heading.level, "anchor": heading.anchor, "text": heading.text}
                for heading in rendered.headings
            ],
            "word_count": len(plain_text(rendered.html).split()),
        }

    @property
    def language_name(self) -> str:
        """The language named in itself ("Español"), for "Also in" links."""
        from withdrawal_site.languages import native_name

        return native_name(self.language)

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def reading_time_minutes(self) -> int:
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    def table_of_contents(self) -> list[dict]:
        """The top-level headings, each with the ones below it, for long articles only."""
        if len(self.headings) < MIN_HEADINGS_FOR_TOC:
            return []
        top_level = min(heading["level"] for heading in self.headings)
        entries: list[dict] = []
        for heading in self.headings:
            if heading["level"] == top_level or not entries:
                entries.append({**heading, "children": []})
            else:
                entries[-1]["children"].append(heading)
        return entries

    def plain_text(self) -> str:
        return plain_text(self.body_html)

    def search_document(self) -> SearchDocument | None:
        if not self.is_published:
            return None
        return SearchDocument(
            kind="article",
            title=self.title,
            url=self.get_absolute_url(),
            summary=self.summary,
            body=self.plain_text(),
            language=self.language,
            published_at=self.published_at,
        )
