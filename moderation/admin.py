"""Read-only views of submissions and the audit log.

Decisions are made in the moderation queue, where they are locked, published
and logged; the admin only lets staff look, so nothing bypasses the log.

Staff see here no more about a contributor than the review page shows: not
their email address, not the hash of their address, not the status link's
reference. Those fields are not displayed, searched, filtered or sorted on,
and a hand-made lookup such as `?reference__startswith=` is refused, since
even a count of matching rows would let someone recover the value piece by
piece.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditLogEntry, Submission

# Fields of a submission that identify or reach its contributor.
PRIVATE_SUBMISSION_FIELDS = frozenset(
    {"email", "client_hash", "reference", "submitted_by", "idempotency_key"}
)


def touches_private_fields(lookup: str, *, prefix: str = "") -> bool:
    """Whether an admin lookup (`reference__startswith`, `submission__email`) reads a private field."""
    parts = lookup.split("__")
    if prefix:
        if parts[0] != prefix:
            return False
        parts = parts[1:]
    return any(part in PRIVATE_SUBMISSION_FIELDS for part in parts)


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
    search_fields = []
    exclude = sorted(PRIVATE_SUBMISSION_FIELDS)
    readonly_fields = ["left_an_email"]
    inlines = [AuditLogInline]

    def lookup_allowed(self, lookup, value, request=None) -> bool:
        if touches_private_fields(lookup):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_fields(self, request, obj=None):
        return [name for name in super().get_fields(request, obj) if name not in PRIVATE_SUBMISSION_FIELDS]

    @admin.display(description=_("left an email address"), boolean=True)
    def left_an_email(self, submission: Submission) -> bool:
        return bool(submission.email)


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "submission", "target_label", "actor", "note"]
    list_filter = ["action"]
    list_select_related = ["submission", "actor"]
    date_hierarchy = "at"

    def lookup_allowed(self, lookup, value, request=None) -> bool:
        if touches_private_fields(lookup, prefix="submission"):
            return False
        return super().lookup_allowed(lookup, value, request)
