"""Read-only views of submissions and the audit log.

Decisions are made in the moderation queue, where they are locked, published
and logged; the admin only lets staff look, so nothing bypasses the log.
"""

from django.contrib import admin

from .models import AuditLogEntry, Submission


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AuditLogInline(admin.TabularInline):
    model = AuditLogEntry
    fields = ["at", "action", "actor", "note", "internal_note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "title", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["decided_by"]
    date_hierarchy = "created_at"
    # Who sent it stays hidden from staff, as on the review page.
    exclude = ["client_hash", "submitted_by"]
    inlines = [AuditLogInline]


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "submission", "actor", "note"]
    list_filter = ["action"]
    list_select_related = ["submission", "actor"]
    date_hierarchy = "at"
