"""Crisis lines verified from the change list are recorded like the listing's own button (issue 14)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from charities.models import Verification

pytestmark = pytest.mark.django_db


def test_the_bulk_action_on_crisis_lines_writes_verifications_and_the_audit_trail(
    admin_client_, site_admin, make_listing
):
    line = make_listing("Samaritans", phone="116 123", is_crisis_line=True)
    other_line = make_listing("Shout", phone="85258", is_crisis_line=True)
    admin_client_.post(
        reverse("admin:charities_service_changelist"),
        {"action": "mark_verified_today", "_selected_action": [line.pk, other_line.pk]},
    )
    for service in (line, other_line):
        check = Verification.objects.get(service=service)
        assert (check.verified_by, check.verified_on) == (site_admin, timezone.localdate())
        entry = LogEntry.objects.get(object_id=str(service.pk))
        assert (entry.user, entry.change_message) == (site_admin, "Marked verified today")

    # The listing's own page shows both kinds of check in one history.
    url = reverse("admin:charities_service_change", args=[line.pk])
    assertContains(admin_client_.get(url), f"{timezone.localdate():%Y-%m-%d}, siteadmin")


def test_the_change_list_has_the_verification_columns(admin_client_, site_admin, make_listing):
    make_listing("Checked", last_verified=timezone.localdate(), is_crisis_line=True)
    response = admin_client_.get(reverse("admin:charities_service_changelist"))
    for column in ("type", "status", "crisis", "verification", "verifier"):
        assertContains(response, f'class="sortable column-{column}')
    for heading in ("Type", "Status", "Crisis", "Last verified", "Verified by"):
        assertContains(response, f">{heading}</a>")
