from django.contrib import admin

from .models import ReviewLogEntry


@admin.register(ReviewLogEntry)
class ReviewLogEntryAdmin(admin.ModelAdmin):
    """Read-only: entries are written by the review service and never changed."""

    list_display = ["reviewed_on", "object_label", "outcome", "reviewer", "next_review_due"]
    list_filter = ["outcome", "content_type"]
    list_select_related = ["reviewer"]
    search_fields = ["object_label"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
