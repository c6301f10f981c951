import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from charities.models import Service
from charities.services import mark_verified

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


def test_stale_means_never_verified_or_over_a_year_ago(make_listing):
    never = make_listing("Never")
    old = make_listing("Old", last_verified=TODAY - datetime.timedelta(days=366))
    make_listing("Recent", last_verified=TODAY - datetime.timedelta(days=364))
    make_listing("Exactly a year", last_verified=TODAY - datetime.timedelta(days=365))
    assert set(Service.objects.stale(on=TODAY)) == {never, old}
    assert old.is_stale(on=TODAY) and never.is_stale(on=TODAY)


def test_mark_verified_records_date_and_verifier(make_listing, site_admin):
    services = [make_listing(), make_listing()]
    assert mark_verified(services=services, verified_by=site_admin) == 2
    for service in services:
        service.refresh_from_db()
        assert service.last_verified == timezone.localdate()
        assert service.verified_by == site_admin
    assert not Service.objects.stale().exists()


def test_admin_bulk_action_marks_verified_today_and_records_who(admin_client_, site_admin, make_listing):
    chosen, other = make_listing("Chosen"), make_listing("Other")
    response = admin_client_.post(
        reverse("admin:charities_service_changelist"),
        {"action": "mark_verified_today", "_selected_action": [chosen.pk]},
        follow=True,
    )
    assertContains(response, "1 service marked verified today.")
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.last_verified, chosen.verified_by) == (timezone.localdate(), site_admin)
    assert other.last_verified is None and other.verified_by is None


def test_admin_stale_filter_search_and_country_filter(admin_client_, make_listing):
    make_listing("Fresh One", last_verified=timezone.localdate())
    make_listing("Stale One", country="PL")
    url = reverse("admin:charities_service_changelist")
    stale = admin_client_.get(url, {"stale": "yes"})
    assertContains(stale, "Stale One")
    assert "Fresh One" not in stale.content.decode()
    searched = admin_client_.get(url, {"q": "fresh"})
    assertContains(searched, "Fresh One")
    assert "Stale One" not in searched.content.decode()
    by_country = admin_client_.get(url, {"country": "PL"})
    assertContains(by_country, "Stale One")
    assert "Fresh One" not in by_country.content.decode()


def test_admin_pages_open_for_staff(admin_client_, make_listing):
    service = make_listing(phone="0117 950 0020")
    assert admin_client_.get(reverse("admin:charities_service_change", args=[service.pk])).status_code == 200
    assert (
        admin_client_.get(
            reverse("admin:charities_organization_change", args=[service.organization.pk])
        ).status_code
        == 200
    )
    assert (
        admin_client_.get(reverse("admin:charities_organization_changelist"), {"q": "listing"}).status_code
        == 200
    )


def test_editors_may_look_up_listings_but_not_mark_them_verified(editor_client, make_listing):
    service = make_listing()
    url = reverse("admin:charities_service_changelist")
    response = editor_client.get(url)
    assert response.status_code == 200
    assert "mark_verified_today" not in response.content.decode()
    editor_client.post(url, {"action": "mark_verified_today", "_selected_action": [service.pk]})
    service.refresh_from_db()
    assert service.last_verified is None


@pytest.mark.parametrize("who", ["anonymous", "contributor_client"])
def test_non_staff_cannot_reach_the_directory_admin_or_its_action(request, client, who, make_listing):
    service = make_listing()
    browser = client if who == "anonymous" else request.getfixturevalue(who)
    url = reverse("admin:charities_service_changelist")
    response = browser.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    browser.post(url, {"action": "mark_verified_today", "_selected_action": [service.pk]})
    service.refresh_from_db()
    assert service.last_verified is None
