"""Directory writes that use update() (no signals) still reach search and the page cache."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from charities import services
from charities.models import Organization, Service
from withdrawal_site import content_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliveries():
    received = []

    def receiver(sender, *, changes, **kwargs):
        received.append(changes)

    content_changed.committed.connect(receiver, dispatch_uid="test.charities.deliveries")
    yield received
    content_changed.committed.disconnect(dispatch_uid="test.charities.deliveries")


def test_mark_verified_goes_through_the_hook(make_listing, site_admin, deliveries):
    service = make_listing("Verified listing")
    deliveries.clear()
    services.mark_verified(services=[service], verified_by=site_admin)
    assert deliveries == [
        {Service: frozenset({service.pk}), Organization: frozenset({service.organization_id})}
    ]


def test_a_contact_correction_clears_verification_through_the_hook(make_listing, deliveries):
    service = make_listing("Corrected listing", last_verified=services.today())
    deliveries.clear()
    services.apply_listing_correction(
        target=service.organization, changes={"website": "https://example.org/"}
    )
    service.refresh_from_db()
    assert service.last_verified is None
    assert len(deliveries) == 1
    assert deliveries[0][Service] == frozenset({service.pk})
    assert deliveries[0][Organization] == frozenset({service.organization_id})


def test_an_organisation_moves_once_per_transaction_however_many_parts_change(make_listing, deliveries):
    service = make_listing("Busy listing", phone="0300 123 3393")
    organization = Organization.objects.get(pk=service.organization_id)
    before = organization.updated_at
    deliveries.clear()
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        service.hours_note = "Weekdays"
        service.save()
        phone = service.phones.get()
        phone.description = "Helpline"
        phone.save()
        area = service.areas.get()
        area.description = "England"
        area.save()
    organization.refresh_from_db()
    assert organization.updated_at > before
    moved = [
        query
        for query in queries.captured_queries
        if query["sql"].startswith('UPDATE "charities_organization"')
    ]
    assert len(moved) == 1
    assert len(deliveries) == 1 and deliveries[0][Organization] == frozenset({organization.pk})
