from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from moderation.models import AuditLogEntry
from moderation.services import record_admin_action
from withdrawal_site.admin_history import VersionedAdmin

from .models import EmergencyNumber, Organization, Phone, Schedule, Service, ServiceArea
from .services import mark_verified
from .validation import country_name


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
        # order_by(): the default ordering (pk) would make DISTINCT return one row per area.
        codes = set(
            ServiceArea.objects.exclude(country="").order_by().values_list("country", flat=True).distinct()
        )
        named = sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1])
        return [*named, ("online", _("Online or international"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "online":
            return queryset.filter(areas__scope=ServiceArea.Scope.ONLINE).distinct()
        if value:
            return queryset.filter(areas__country=value).distinct()
        return queryset


VERIFIED_TODAY_BUTTON = "_verified_today"


class ServiceAdminForm(forms.ModelForm):
    verification_note = forms.CharField(
        label=_("How you verified it (optional)"),
        required=False,
        max_length=300,
        help_text=_(
            "Kept with your name and today's date when you press “Verified today”, "
            "for example: phoned them, checked their website."
        ),
    )

    class Meta:
        model = Service
        fields = "__all__"  # noqa: DJ007 (the admin chooses the fields)
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class WaysInFormSet(forms.BaseInlineFormSet):
    """A listed service needs a way in and a description; the phones are only known here."""

    def clean(self) -> None:
        super().clean()
        service = self.instance
        if service.status not in Service.LISTED_STATUSES:
            return
        phones = sum(
            1
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("number")
            and not form.cleaned_data.get("DELETE")
        )
        problems = service.completeness_problems(phone_count=phones)
        if problems:
            raise ValidationError(problems)


class PhoneInline(admin.TabularInline):
    model = Phone
    formset = WaysInFormSet
    extra = 0
    fields = ["number", "country", "type", "sms_body", "description", "position"]
    # The phone's own page has its history: who changed the number, and a revert.
    show_change_link = True


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
class OrganizationAdmin(VersionedAdmin):
    list_display = ["name", "website", "charity_number", "updated_at"]
    search_fields = ["name", "description", "website", "email", "charity_number"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["approved_by", "created_at", "updated_at"]
    inlines = [ServiceInline]


@admin.register(Service)
class ServiceAdmin(VersionedAdmin):
    # Short columns: the change list fits 1280 px with the filter sidebar (tests/browser/test_directory.py).
    list_display = ["__str__", "type", "status", "crisis", "verification", "verifier"]
    list_filter = ["type", "status", StaleFilter, CountryFilter, "is_crisis_line"]
    list_select_related = ["organization", "verified_by"]
    search_fields = ["name", "description", "organization__name", "phones__number", "areas__description"]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["drug_classes"]
    readonly_fields = ["last_verified", "verified_by", "verification_history", "created_at", "updated_at"]
    inlines = [PhoneInline, ScheduleInline, ServiceAreaInline]
    actions = ["mark_verified_today"]
    form = ServiceAdminForm
    change_form_template = "admin/charities/service/change_form.html"

    def changelist_view(self, request, extra_context=None):
        # At 1280 px the six columns and the filters need the width the navigation sidebar takes.
        return super().changelist_view(request, {"is_nav_sidebar_enabled": False, **(extra_context or {})})

    @admin.display(description=_("crisis"), boolean=True, ordering="is_crisis_line")
    def crisis(self, service: Service) -> bool:
        return service.is_crisis_line

    @admin.display(description=_("last verified"), ordering="last_verified")
    def verification(self, service: Service) -> str:
        if service.last_verified is None:
            return gettext("Never")
        return formats.date_format(service.last_verified, "SHORT_DATE_FORMAT")

    @admin.display(description=_("verified by"), ordering="verified_by__username")
    def verifier(self, service: Service) -> str:
        return service.verified_by.get_username() if service.verified_by else "-"

    @admin.display(description=_("verification history"))
    def verification_history(self, service: Service) -> str:
        if service.pk is None:
            return "-"
        checks = service.verifications.select_related("verified_by")[:10]
        if not checks:
            return gettext("Never verified.")
        return format_html(
            "<ul>{}</ul>",
            format_html(
                "".join(["<li>{}</li>"] * len(checks)),
                *(
                    f"{check.verified_on:%Y-%m-%d}, "
                    f"{check.verified_by.get_username() if check.verified_by else '?'}"
                    f"{': ' + check.note if check.note else ''}"
                    for check in checks
                ),
            ),
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        if VERIFIED_TODAY_BUTTON in request.POST and self.has_change_permission(request, form.instance):
            service = form.instance
            note = form.cleaned_data.get("verification_note", "")
            with transaction.atomic():
                mark_verified(services=[service], verified_by=request.user, note=note)
                record_admin_action(
                    action=AuditLogEntry.Action.ADMIN_VERIFY, actor=request.user, objects=[service], note=note
                )
            self.log_change(
                request, service, f"Marked verified today: {note}" if note else "Marked verified today"
            )
            self.message_user(
                request, gettext("“%(name)s” marked verified today.") % {"name": service}, messages.SUCCESS
            )

    @admin.action(description=_("Mark verified today"), permissions=["change"])
    def mark_verified_today(self, request, queryset):
        services = list(queryset)
        with transaction.atomic():
            count = mark_verified(services=services, verified_by=request.user)
            record_admin_action(
                action=AuditLogEntry.Action.ADMIN_VERIFY, actor=request.user, objects=services
            )
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


@admin.register(Phone)
class PhoneAdmin(VersionedAdmin):
    """A phone's own page, reached from its service, for its history and revert.

    Phones are added and removed with their service (whose form checks a listed
    service keeps a way in), so not here, and the page stays off the admin index.
    """

    list_display = ["__str__", "service", "type"]
    list_select_related = ["service__organization"]
    search_fields = ["number", "service__name", "service__organization__name"]
    fields = ["service", "number", "country", "type", "sms_body", "description", "position"]
    readonly_fields = ["service"]

    def has_module_permission(self, request) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(VersionedAdmin):
    """The numbers the crisis page offers first; every change refreshes the outage snapshot."""

    list_display = ["country", "number", "label", "position"]
    list_editable = ["label", "position"]
    list_filter = ["country"]
    ordering = ["country", "position"]


# The admin home says how many listings are out of date, linking to the stale filter.
admin.site.index_template = "admin/charities_index.html"
