from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from taxonomy.tags import tags_in_use
from withdrawal_site.admin_history import VersionedAdmin

from .models import Article
from .views import render_article


class TagListFilter(admin.SimpleListFilter):
    """Filter by tag through `Article.objects.tagged`, the same lookup the public pages use."""

    title = _("tag")
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        return [(tag.slug, tag.name) for tag in tags_in_use(Article.objects.all())]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.tagged(self.value())
        return queryset


@admin.register(Article)
class ArticleAdmin(VersionedAdmin):
    list_display = ["title", "status", "published_at", "last_reviewed", "language", "preview_link"]
    list_filter = ["status", "language", "last_reviewed", "published_at", TagListFilter]
    search_fields = ["title", "summary", "body", "byline"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["translation_of"]
    date_hierarchy = "published_at"
    # Review dates are set only by a recorded review (approval or /moderation/review-due/), never typed in.
    readonly_fields = [
        "approved_by",
        "last_reviewed",
        "reviewed_by",
        "next_review_due",
        "created_at",
        "updated_at",
        "preview_link",
        "rendered_body",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "summary",
                    "body",
                    "sources",
                    "tags",
                    "byline",
                    "language",
                    "translation_of",
                ]
            },
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "last_reviewed",
                    "reviewed_by",
                    "next_review_due",
                    "approved_by",
                ]
            },
        ),
        (_("Preview"), {"fields": ["preview_link", "rendered_body", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("tags")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reviewed_by":
            # Reviewers are staff; the list would otherwise hold every contributor account.
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        preview = path(
            "<int:pk>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="articles_article_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The article as readers will see it, drafts and future-dated ones included."""
        article = get_object_or_404(Article.objects.select_related("reviewed_by"), pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return render_article(request, article, is_preview=True)

    @admin.display(description=_("preview"))
    def preview_link(self, article: Article) -> str:
        if article.pk is None:
            return "—"
        url = reverse("admin:articles_article_preview", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    @admin.display(description=_("rendered body (as saved)"))
    def rendered_body(self, article: Article) -> str:
        # body_html went through the sanitising pipeline on save, so it is safe to show.
        return format_html("<div>{}</div>", mark_safe(article.body_html)) if article.body_html else "—"
