"""Directory fixtures: listings made through the models, and many of them made in bulk."""

import datetime

import pytest

from charities.models import Organization, Phone, Schedule, Service, ServiceArea
from tests.factories import OrganizationFactory, PhoneFactory, ServiceAreaFactory, ServiceFactory


@pytest.fixture
def make_listing(db, drug_classes):
    def make(
        name: str = "",
        *,
        service_type: str = Service.Type.CHARITY,
        country: str = "GB",
        scope: str = ServiceArea.Scope.NATIONAL,
        area_description: str = "",
        phone: str = "",
        phone_country: str = "",
        languages: str = "en",
        drug_class_slugs: tuple[str, ...] = (),
        status: str = Service.Status.ACTIVE,
        last_verified: datetime.date | None = None,
        is_crisis_line: bool = False,
        schedules: tuple[tuple, ...] = (),
        hours_note: str = "",
        description: str = "",
    ) -> Service:
        given = {"name": name, "description": description}
        organization = OrganizationFactory(**{key: value for key, value in given.items() if value})
        service = ServiceFactory(
            organization=organization,
            type=service_type,
            status=status,
            languages=languages,
            last_verified=last_verified,
            is_crisis_line=is_crisis_line,
            hours_note=hours_note,
            drug_classes=[drug_classes[slug] for slug in drug_class_slugs],
        )
        ServiceAreaFactory(service=service, country=country, scope=scope, description=area_description)
        if phone:
            PhoneFactory(service=service, number=phone, country=phone_country or country)
        for weekday, opens, closes, zone in schedules:
            Schedule.objects.create(
                service=service, weekday=weekday, opens_at=opens, closes_at=closes, timezone=zone
            )
        return service

    return make


@pytest.fixture
def make_many(db, drug_classes):
    """`make_many(n)`: n organisations, each with a full service, in a handful of queries."""

    def make(count: int) -> None:
        start = Organization.objects.count()
        organizations = Organization.objects.bulk_create(
            Organization(name=f"Bulk {start + i:04d}", slug=f"bulk-{start + i}", description="Bulk listing.")
            for i in range(count)
        )
        services = Service.objects.bulk_create(
            Service(
                organization=organization,
                type=Service.Type.HELPLINE,
                languages="en,pl",
                is_crisis_line=True,
                last_verified=datetime.date(2020, 1, 1) if i % 2 else None,
            )
            for i, organization in enumerate(organizations)
        )
        Phone.objects.bulk_create(
            Phone(service=service, number="+441179663629", country="GB") for service in services
        )
        ServiceArea.objects.bulk_create(ServiceArea(service=service, country="GB") for service in services)
        Schedule.objects.bulk_create(
            Schedule(
                service=service,
                weekday=0,
                opens_at=datetime.time(9),
                closes_at=datetime.time(17),
                timezone="Europe/London",
            )
            for service in services
        )
        through = Service.drug_classes.through
        through.objects.bulk_create(
            through(service=service, drugclass=drug_classes["benzodiazepines"]) for service in services
        )

    return make
