"""Writes to the directory: publishing a listing and recording verification."""

import datetime
from collections.abc import Iterable
from types import MappingProxyType

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taxonomy.models import DrugClass
from withdrawal_site import content_changed
from withdrawal_site.slugs import save_with_unique_slug

from . import crisis_snapshot
from .models import Organization, Phone, Service, ServiceArea, Verification, today
from .validation import normalise_country, split_codes, validate_country_code, validate_language_codes


class DuplicateListingError(ValidationError):
    def __init__(self, existing: Organization):
        self.existing = existing
        super().__init__(
            _(
                "“%(name)s” is already in the directory (%(url)s). Nothing was published; "
                "if its details are out of date, reject this and suggest a correction to that listing."
            )
            % {"name": existing.name, "url": existing.get_absolute_url()},
            code="duplicate_listing",
        )


@transaction.atomic
def publish_listing(
    *,
    name: str,
    description: str,
    website: str,
    email: str,
    country: str,
    service_type: str,
    phone: str,
    area_description: str,
    drug_class_slugs: list[str],
    languages: list[str],
    approved_by,
) -> Organization:
    """Create a listing approved in moderation: organisation, one service, its phone and area.

    The listing starts unverified (no `last_verified`): approving a submission
    is not the same as an admin checking the details. A listing that already
    exists (same name, type and country) is refused with DuplicateListingError:
    merging silently would drop the contributor's details, and a second copy
    would confuse readers. The editor can propose the details as a correction.
    """
    # The form checks these too; an old submission that slipped through is refused, not altered.
    country = normalise_country(country)
    validate_country_code(country)
    language_codes = split_codes(",".join(languages))
    validate_language_codes(language_codes)
    if service_type not in Service.Type.values:
        service_type = Service.Type.CHARITY
    existing = (
        Organization.objects.filter(name__iexact=name.strip(), services__type=service_type)
        .filter(services__areas__country=country)
        .first()
    )
    if existing is not None:
        raise DuplicateListingError(existing)

    organization = Organization(
        name=name.strip(),
        description=description.strip(),
        website=website.strip(),
        email=email.strip(),
        approved_by=approved_by,
    )
    organization.full_clean(exclude=["slug"])
    save_with_unique_slug(organization, name, fallback="listing")
    service = Service.objects.create(
        organization=organization,
        type=service_type,
        languages=",".join(dict.fromkeys(language_codes)),
    )
    service.drug_classes.set(DrugClass.objects.filter(slug__in=drug_class_slugs))
    online = service_type in (Service.Type.ONLINE_FORUM, Service.Type.ONLINE_GROUP) or not country
    ServiceArea.objects.create(
        service=service,
        country=country,
        scope=(
            ServiceArea.Scope.ONLINE
            if online
            else ServiceArea.Scope.REGIONAL
            if area_description.strip()
            else ServiceArea.Scope.NATIONAL
        ),
        description=area_description.strip(),
    )
    if phone.strip():
        new_phone = Phone(service=service, number=phone, country=country)
        new_phone.full_clean()
        new_phone.save()
    return organization


@transaction.atomic
def mark_verified(
    *, services: Iterable[Service], verified_by, on: datetime.date | None = None, note: str = ""
) -> int:
    """Record that `verified_by` checked these services' details today; returns how many.

    Each check is also kept as a Verification (who, when, how: the note), so
    the history survives the next check. Crisis lines among them show the new
    date at once, also on the outage page's snapshot.
    """
    pks = [service.pk for service in services]
    day = on or today()
    count = Service.objects.filter(pk__in=pks).update(last_verified=day, verified_by=verified_by)
    # update() sends no signals: the listings' pages (their date, the sitemap's
    # lastmod) and search entries change here and through the hook.
    organization_ids = set(Service.objects.filter(pk__in=pks).values_list("organization_id", flat=True))
    Organization.objects.filter(pk__in=organization_ids).update(updated_at=timezone.now())
    content_changed.mark(Service, pks)
    content_changed.mark(Organization, organization_ids)
    Verification.objects.bulk_create(
        Verification(service_id=pk, verified_by=verified_by, verified_on=day, note=note.strip()[:300])
        for pk in pks
    )
    if Service.objects.filter(pk__in=pks, is_crisis_line=True).exists():
        crisis_snapshot.write_after_commit()
    return count


# Corrections to listings ----------------------------------------------------------
#
# A wrong phone number or web address sends a frightened person to the wrong
# place, so those fields need an Admin's decision, and changing them clears
# the listing's verification (it is no longer what an Admin checked). Crisis
# lines are never changed through a public correction: one can be reported,
# and an Admin changes the line in the directory admin after checking it.

# Who may approve a change to which contact detail: the permissions Admins hold.
CONTACT_FIELD_PERMISSIONS = MappingProxyType(
    {
        "phone": "charities.change_phone",
        "website": "charities.change_organization",
        "email": "charities.change_organization",
    }
)
CONTACT_FIELDS = frozenset(CONTACT_FIELD_PERMISSIONS)
# Correctable on a listing beyond the organisation's own fields: they live on its first service.
SERVICE_CORRECTABLE_FIELDS = ("phone", "hours_note", "area_description")


def has_crisis_line(organization: Organization) -> bool:
    return organization.services.filter(is_crisis_line=True).exists()


def correction_notice(organization: Organization) -> str:
    """Shown above the public correction form of a listing."""
    if has_crisis_line(organization):
        return _(
            "This is a crisis line. Your report goes to an Admin, who checks the details with the "
            "service before anything on the site changes."
        )
    return ""


def correction_refusal(*, target: Organization, changes: dict[str, str], editor) -> str:
    """Why `editor` may not apply `changes` to this listing ("" when they may)."""
    if not changes:
        return ""
    if has_crisis_line(target):
        return _(
            "This listing is a crisis line: corrections to it are reports only. An Admin checks "
            "the details with the service and changes them in the directory admin; then mark this "
            "correction as handled (reject it with a note)."
        )
    if any(
        not editor.has_perm(permission)
        for name, permission in CONTACT_FIELD_PERMISSIONS.items()
        if name in changes
    ):
        return _(
            "This correction changes a phone number, web address or email, so an Admin must decide "
            "it: a wrong contact detail sends people to the wrong place."
        )
    return ""


@transaction.atomic
def apply_listing_correction(*, target: Organization, changes: dict[str, str]) -> Organization:
    """Apply an approved correction field by field, validated like any edit.

    Phone, opening hours and area live on the listing's first service. A changed
    contact detail clears the verification: it is no longer what an Admin checked.
    """
    organization = target
    unknown = set(changes) - set(organization.correctable_fields())
    if unknown:
        raise ValidationError(f"Not correctable: {', '.join(sorted(unknown))}")
    for name in organization.CORRECTABLE_FIELDS:
        if name in changes:
            setattr(organization, name, changes[name])
    organization.full_clean()
    organization.save()
    service_changes = {key: changes[key] for key in SERVICE_CORRECTABLE_FIELDS if key in changes}
    if service_changes:
        _correct_first_service(organization, service_changes)
    if CONTACT_FIELDS & set(changes):
        services = Service.objects.filter(organization=organization)
        content_changed.mark(Service, services.values_list("pk", flat=True))
        services.update(last_verified=None, verified_by=None)  # sends no signals: hence the mark
        content_changed.mark(Organization, [organization.pk])
    return organization


def _correct_first_service(organization: Organization, changes: dict[str, str]) -> None:
    service = organization.first_service()
    if service is None:
        raise ValidationError(_("This organisation has no service to correct."))
    if "hours_note" in changes:
        service.hours_note = changes["hours_note"]
        service.full_clean()
        service.save()
    if "area_description" in changes:
        area = service.areas.order_by("pk").first()
        if area is None:
            online = service.type in Service.ONLINE_TYPES
            area = ServiceArea(
                service=service,
                scope=ServiceArea.Scope.ONLINE if online else ServiceArea.Scope.REGIONAL,
            )
        area.description = changes["area_description"]
        area.full_clean()
        area.save()
    if "phone" in changes:
        phone = service.phones.order_by("position", "pk").first()
        if phone is None:
            phone = Phone(service=service, country=service.home_country())
        phone.number = changes["phone"]
        phone.full_clean()
        phone.save()


def publish_listing_submission(*, data: dict, author_name: str, approved_by, language: str) -> Organization:
    """The `publish` of the listing contribution kind (charities/contributions.py)."""
    return publish_listing(
        name=data["name"],
        description=data.get("description", ""),
        website=data.get("website", ""),
        email=data.get("contact_email", ""),
        country=data["country"],
        service_type=data["service_type"],
        phone=data.get("phone", ""),
        area_description=data.get("area_description", ""),
        drug_class_slugs=list(data.get("drug_classes", [])),
        languages=list(data.get("languages", [])),
        approved_by=approved_by,
    )
