"""Admin bases for content whose edits are kept and whose staff actions are audited.

`VersionedAdmin` adds django-simple-history's history pages (who changed what,
when, with the differences) and its revert form. The library checks only view
permission before saving a revert, so anyone allowed to look (Editors may look
at the directory) could post an old version back; here a revert needs the same
change permission as an edit, and is written to the audit log.

`AuditedAdmin` writes deletions from the admin, one or many, to the same
append-only log as moderation decisions.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from moderation.models import AuditLogEntry
from moderation.services import record_admin_action

Action = AuditLogEntry.Action


class AuditedAdmin(admin.ModelAdmin):
    def delete_model(self, request, obj) -> None:
        with transaction.atomic():
            record_admin_action(action=Action.ADMIN_DELETE, actor=request.user, objects=[obj])
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        with transaction.atomic():
            record_admin_action(action=Action.ADMIN_DELETE, actor=request.user, objects=list(queryset))
            super().delete_queryset(request, queryset)


class VersionedAdmin(AuditedAdmin, SimpleHistoryAdmin):
    def _check_address(self, object_id, version_id=None) -> None:
        """A mistyped history address is a 404, not a server error from the lookup."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None
        if version_id is not None and not str(version_id).isdigit():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._check_address(object_id)
        return super().history_view(request, object_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Name each version from the related objects already loaded with it.

        The list shows every version by its `str()`, which for a service reads its
        organisation: the library builds a fresh object per row, one query each.
        """
        for record in historical_records:
            version = record.history_object
            for field in version._meta.concrete_fields:
                if not (field.is_relation and field.many_to_one):
                    continue
                try:
                    cached = record._meta.get_field(field.name).is_cached(record)
                except FieldDoesNotExist:  # a relation left out of the history
                    continue
                if cached:
                    setattr(version, field.name, getattr(record, field.name))
            record.__dict__["history_object"] = version  # shadows the library's per-access descriptor
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_address(object_id, version_id)
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        current = self.get_object(request, unquote(object_id))
        # Bringing back a deleted object is adding it; anything else is a change.
        allowed = (
            self.has_add_permission(request)
            if current is None
            else self.has_change_permission(request, current)
        )
        if not allowed:
            raise PermissionDenied
        request._history_revert = (current, version_id)
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        revert = getattr(request, "_history_revert", None)
        if revert is None:
            return super().save_model(request, obj, form, change)
        current, version_id = revert
        if current is not None:
            # Review and verification dates are records of what someone checked, kept
            # by their own logs: an old version of the text does not bring old ones back.
            for name in self.get_readonly_fields(request, current):
                try:
                    field = self.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                if field.concrete and not field.many_to_many:
                    setattr(obj, field.attname, getattr(current, field.attname))
        obj._change_reason = f"Reverted to version {version_id}"
        super().save_model(request, obj, form, change)
        record_admin_action(
            action=Action.ADMIN_REVERT,
            actor=request.user,
            objects=[obj],
            note=f"Reverted to version {version_id}",
        )
