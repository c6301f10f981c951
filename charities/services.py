"""Writes to the directory: publishing a listing and recording verification."""

import datetime
from collections.abc import Iterable

from django.db import transaction

from resources.models import DrugClass
from withdrawal_site.slugs import unique_slug

from . import crisis_snapshot
from .countries import is_country_code, normalise_country
from .models import Organization, Phone, Service, ServiceArea, split_codes, today


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
    is not the same as an admin checking the details. Approving the same
    submission twice returns the existing listing (same name, type and
    country) instead of creating a duplicate.
    """
    country = normalise_country(country)
    if country and not is_country_code(country):
        country = ""
    if service_type not in Service.Type.values:
        service_type = Service.Type.CHARITY
    existing = (
        Organization.objects.filter(name__iexact=name.strip(), services__type=service_type)
        .filter(services__areas__country=country)
        .first()
    )
    if existing is not None:
        return existing

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
        languages=",".join(code for code in split_codes(",".join(languages)) if len(code) in (2, 3)),
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
def mark_verified(*, services: Iterable[Service], verified_by, on: datetime.date | None = None) -> int:
    """Record that `verified_by` checked these services' details today; returns how many.

    Crisis lines among them show the new date at once, also on the outage page's snapshot.
    """
    pks = [service.pk for service in services]
    count = Service.objects.filter(pk__in=pks).update(last_verified=on or today(), verified_by=verified_by)
    if Service.objects.filter(pk__in=pks, is_crisis_line=True).exists():
        crisis_snapshot.write_after_commit()
    return count
