"""Writes to the directory: publishing a listing and recording verification."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resources.models import DrugClass
from withdrawal_site.accounts.roles import ADMINS
from withdrawal_site.slugs import unique_slug

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
        slug=unique_slug(Organization, name, fallback="listing"),
        description=description.strip(),
        website=website.strip(),
        email=email.strip(),
        approved_by=approved_by,
    )
    organization.full_clean()
    organization.save()
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

CONTACT_FIELDS = frozenset({"phone", "website", "email"})


def is_site_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=ADMINS).exists()


def has_crisis_line(organization: Organization) -> bool:
    return organization.services.filter(is_crisis_line=True).exists()


def correction_refusal(*, organization: Organization, changes: dict[str, str], editor) -> str:
    """Why `editor` may not apply `changes` to this listing ("" when they may)."""
    if not changes:
        return ""
    if has_crisis_line(organization):
        return _(
            "This listing is a crisis line: corrections to it are reports only. An Admin checks "
            "the details with the service and changes them in the directory admin; then mark this "
            "correction as handled (reject it with a note)."
        )
    if CONTACT_FIELDS & set(changes) and not is_site_admin(editor):
        return _(
            "This correction changes a phone number, web address or email, so an Admin must decide "
            "it: a wrong contact detail sends people to the wrong place."
        )
    return ""


@transaction.atomic
def apply_listing_correction(*, organization: Organization, changes: dict[str, str]) -> Organization:
    """Apply an approved correction; a changed contact detail clears the verification."""
    organization.apply_correction(changes)
    if CONTACT_FIELDS & set(changes):
        Service.objects.filter(organization=organization).update(last_verified=None, verified_by=None)
    return organization
