"""User management in the admin: Admins look after editor accounts, and only those.

Django's stock UserAdmin lets anyone with `change_user` make themselves a
superuser or reset a superuser's password. Here a non-superuser sees and edits
only accounts that are neither superusers, nor Admins, nor their own; can put
them in Editors and nothing else; and never sees the superuser flag or
per-user permissions. Superusers keep the full stock admin.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import ADMINS, EDITORS
from .security_log import log_event

User = get_user_model()

MANAGER_FIELDSETS = (
    (None, {"fields": ("username", "password")}),
    (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
    (_("Access"), {"fields": ("is_active", "is_staff", "groups")}),
    (_("Important dates"), {"fields": ("last_login", "date_joined")}),
)


def may_manage(actor, target) -> bool:
    """Whether `actor` may change `target`'s details, flags, groups or password."""
    if actor.is_superuser:
        return True
    if target is None:
        return True
    if target.is_superuser or target.pk == actor.pk:
        return False
    return not target.groups.filter(name=ADMINS).exists()


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        others_out_of_reach = Q(is_superuser=True) | Q(groups__name=ADMINS)
        return queryset.exclude(others_out_of_reach & ~Q(pk=request.user.pk)).distinct()

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and may_manage(request.user, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and may_manage(request.user, obj)

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return MANAGER_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["last_login", "date_joined"]

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        return ["is_staff", "is_active", "groups"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name=EDITORS)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and not request.user.is_superuser:
            # An Admin creates editor accounts: staff, so they can use the admin.
            obj.is_staff = True
        super().save_model(request, obj, form, change)
        event = "admin_user_changed" if change else "admin_user_created"
        log_event(
            event,
            request=request,
            actor_id=request.user.pk,
            target_user_id=obj.pk,
            changed=sorted(name for name in form.changed_data if not name.startswith("password")),
        )

    def save_related(self, request, form, formsets, change):
        if request.user.is_superuser:
            return super().save_related(request, form, formsets, change)
        target = form.instance
        # The form only offers Editors; keep any group it could not show.
        untouchable = list(target.groups.exclude(name=EDITORS)) if change else []
        super().save_related(request, form, formsets, change)
        if untouchable:
            target.groups.add(*untouchable)
        if not change:
            target.groups.add(Group.objects.get(name=EDITORS))

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            log_event("admin_password_reset", request=request, actor_id=request.user.pk, target_user_id=id)
        return response

    @admin.action(
        description=_("Reset two-step sign-in (they enrol again at next sign-in)"), permissions=["change"]
    )
    def reset_two_factor(self, request, queryset):
        users = [user for user in queryset if may_manage(request.user, user)]
        TOTPDevice.objects.filter(user__in=users).delete()
        StaticDevice.objects.filter(user__in=users).delete()
        for user in users:
            log_event("otp_reset", request=request, actor_id=request.user.pk, target_user_id=user.pk)
        self.message_user(
            request,
            ngettext(
                "Two-step sign-in reset for %(count)d account.",
                "Two-step sign-in reset for %(count)d accounts.",
                len(users),
            )
            % {"count": len(users)},
            messages.SUCCESS,
        )
