from django.contrib import admin
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from moderation.models import AuditLogEntry
from moderation.services import record_admin_action
from withdrawal_site.admin_history import AuditedAdmin, VersionedAdmin

from .models import Drug, Experience, Formulation, ResourceLink, TaperingMethod, Tip


@admin.register(Drug)
class DrugAdmin(VersionedAdmin):
    list_display = ["name", "drug_class", "liquid", "last_reviewed", "next_review_due", "is_published"]
    list_filter = ["drug_class", "liquid", "is_published"]
    # Set only by a recorded review at /moderation/review-due/, never typed in.
    readonly_fields = ["last_reviewed", "reviewed_by", "next_review_due"]
    list_select_related = ["drug_class"]
    search_fields = ["name", "other_names"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TaperingMethod)
class TaperingMethodAdmin(VersionedAdmin):
    list_display = ["name", "position", "needs_form", "last_reviewed", "next_review_due", "is_published"]
    list_filter = ["is_published", "drug_classes"]
    readonly_fields = ["last_reviewed", "reviewed_by", "next_review_due"]
    filter_horizontal = ["drug_classes"]
    prepopulated_fields = {"slug": ["name"]}


class ContributedAdmin(AuditedAdmin):
    list_display = ["title", "status", "is_sample", "approved_by", "approved_at"]
    list_filter = ["status", "is_sample", "language"]
    list_select_related = ["approved_by"]
    search_fields = ["title"]
    readonly_fields = ["approved_by", "approved_at"]
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        items = list(queryset.exclude(status=self.model.Status.PUBLISHED))
        with transaction.atomic():
            for item in items:
                item.status = self.model.Status.PUBLISHED
                item.approved_by = request.user
                item.approved_at = timezone.now()
                item.save()  # one by one, so search indexing sees every change
            record_admin_action(action=AuditLogEntry.Action.ADMIN_PUBLISH, actor=request.user, objects=items)

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish(self, request, queryset):
        items = list(queryset.filter(status=self.model.Status.PUBLISHED))
        with transaction.atomic():
            for item in items:
                item.status = self.model.Status.UNPUBLISHED
                item.save()
            record_admin_action(
                action=AuditLogEntry.Action.ADMIN_UNPUBLISH, actor=request.user, objects=items
            )


@admin.register(Tip)
class TipAdmin(ContributedAdmin):
    filter_horizontal = ["drug_classes"]


@admin.register(Experience)
class ExperienceAdmin(ContributedAdmin):
    filter_horizontal = ["drugs"]


@admin.register(ResourceLink)
class ResourceLinkAdmin(ContributedAdmin):
    list_display = ["title", "kind", "status", "is_sample", "approved_by", "approved_at"]
    list_filter = ["kind", "status", "is_sample", "language"]
    filter_horizontal = ["drug_classes"]


@admin.register(Formulation)
class FormulationAdmin(VersionedAdmin):
    list_display = ["drug", "kind", "strength_mg", "volume_ml", "splitting", "country", "checked_on"]
    list_filter = ["kind", "splitting", "country", "drug__drug_class"]
    list_select_related = ["drug"]
    search_fields = ["drug__name", "source"]
    autocomplete_fields = ["drug"]
