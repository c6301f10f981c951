from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .countries import country_name
from .models import EmergencyNumber, Organization, Phone, Schedule, Service, ServiceArea
from .services import mark_verified


class StaleFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", _("Stale: never verified or over a year ago")), ("no", _("Verified within a year"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.stale()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.stale().values("pk"))
        return queryset


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = ServiceArea.objects.exclude(country="").values_list("country", flat=True).distinct()
        named = sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1])
        return [*named, ("online", _("Online or international"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "online":
            return queryset.filter(areas__scope=ServiceArea.Scope.ONLINE).distinct()
        if value:
            return queryset.filter(areas__country=value).distinct()
        return queryset


class PhoneInline(admin.TabularInline):
    model = Phone
    extra = 0
    fields = ["number", "country", "type", "sms_body", "description", "position"]


class ScheduleInline(admin.TabularInline):
    model = Schedule
    extra = 0


class ServiceAreaInline(admin.TabularInline):
    model = ServiceArea
    extra = 0


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 0
    fields = ["name", "type", "status", "is_crisis_line", "last_verified", "position"]
    readonly_fields = ["last_verified"]
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "website", "charity_number", "updated_at"]
    search_fields = ["name", "description", "website", "email", "charity_number"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["approved_by", "created_at", "updated_at"]
    inlines = [ServiceInline]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "organization",
        "type",
        "status",
        "is_crisis_line",
        "last_verified",
        "verified_by",
    ]
    list_filter = ["type", "status", StaleFilter, CountryFilter, "is_crisis_line"]
    list_select_related = ["organization", "verified_by"]
    search_fields = ["name", "description", "organization__name", "phones__number", "areas__description"]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["drug_classes"]
    readonly_fields = ["last_verified", "verified_by", "created_at", "updated_at"]
    inlines = [PhoneInline, ScheduleInline, ServiceAreaInline]
    actions = ["mark_verified_today"]

    @admin.action(description=_("Mark verified today"), permissions=["change"])
    def mark_verified_today(self, request, queryset):
        services = list(queryset)
        count = mark_verified(services=services, verified_by=request.user)
        for service in services:
            # Django's admin history records who re-verified what, and when.
            self.log_change(request, service, "Marked verified today")
        self.message_user(
            request,
            ngettext(
                "%(count)d service marked verified today.", "%(count)d services marked verified today.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(admin.ModelAdmin):
    """The numbers the crisis page offers first; every change refreshes the outage snapshot."""

    list_display = ["country", "number", "label", "position"]
    list_editable = ["label", "position"]
    list_filter = ["country"]
    ordering = ["country", "position"]
