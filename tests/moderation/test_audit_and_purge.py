"""The audit log only grows; contributors' personal data is forgotten on time."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from moderation import services
from moderation.models import AuditLogEntry, Submission
from tests.moderation.helpers import reload

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(make_submission):
    make_submission("tip")
    return AuditLogEntry.objects.get()


def test_entry_cannot_be_changed(entry):
    entry.note = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    assert AuditLogEntry.objects.get().note == ""


def test_entry_cannot_be_deleted(entry):
    with pytest.raises(PermissionError):
        entry.delete()
    assert AuditLogEntry.objects.count() == 1


def test_bulk_update_and_delete_are_refused(entry):
    with pytest.raises(PermissionError):
        AuditLogEntry.objects.all().update(note="x")
    with pytest.raises(PermissionError):
        AuditLogEntry.objects.filter(pk=entry.pk).delete()
    entry.note = "x"
    with pytest.raises(PermissionError), transaction.atomic():
        AuditLogEntry.objects.bulk_update([entry], ["note"])
    assert AuditLogEntry.objects.get().note == ""


def test_submission_with_a_log_cannot_be_deleted(entry):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        entry.submission.delete()


def test_every_action_is_logged_in_order(editor, second_editor, make_submission, publisher):
    submission = make_submission("tip")
    services.claim(submission_id=submission.pk, editor=editor)
    services.edit(submission_id=submission.pk, editor=editor, data={**submission.data, "title": "New"})
    services.release(submission_id=submission.pk, editor=editor)
    services.decide(submission_id=submission.pk, editor=editor, action="request_changes", public_note="More")
    services.resubmit(reference=submission.reference, data={**submission.data, "body": "Longer"})
    services.decide(submission_id=submission.pk, editor=second_editor, action="approve", public_note="Thanks")
    other = make_submission("tip")
    services.decide(submission_id=other.pk, editor=editor, action="spam")
    third = make_submission("tip")
    services.decide(submission_id=third.pk, editor=editor, action="reject")
    fourth = make_submission("tip")
    services.withdraw(reference=fourth.reference)

    log = list(submission.audit_log.values_list("action", "actor__username", "note"))
    assert log == [
        ("submit", None, ""),
        ("claim", "editor", ""),
        ("edit", "editor", ""),
        ("release", "editor", ""),
        ("request_changes", "editor", "More"),
        ("edit", None, "Revised by the contributor. Changed: body, title"),
        ("approve", "editor2", "Thanks"),
    ]
    # Every moderation action; the admin's actions on live content are tested in tests/integration.
    moderation_actions = set(AuditLogEntry.Action.values) - set(AuditLogEntry.ADMIN_ACTIONS)
    assert set(AuditLogEntry.objects.values_list("action", flat=True)) == moderation_actions


def test_admin_is_read_only(admin_client_, entry):
    changelist = reverse("admin:moderation_auditlogentry_changelist")
    assert admin_client_.get(changelist).status_code == 200
    assert admin_client_.get(reverse("admin:moderation_auditlogentry_add")).status_code == 403
    response = admin_client_.get(reverse("admin:moderation_auditlogentry_change", args=[entry.pk]))
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert (
        admin_client_.get(reverse("admin:moderation_auditlogentry_delete", args=[entry.pk])).status_code
        == 403
    )
    response = admin_client_.post(
        reverse("admin:moderation_auditlogentry_change", args=[entry.pk]), {"note": "rewritten"}
    )
    assert response.status_code == 403
    assert AuditLogEntry.objects.get().note == ""

    submission_page = admin_client_.get(
        reverse("admin:moderation_submission_change", args=[entry.submission_id])
    )
    assert submission_page.status_code == 200
    assertContains(submission_page, "Slow mornings")
    assert admin_client_.get(reverse("admin:moderation_submission_add")).status_code == 403
    assert (
        admin_client_.get(
            reverse("admin:moderation_submission_delete", args=[entry.submission_id])
        ).status_code
        == 403
    )


def test_editors_read_the_audit_log_in_the_admin_but_cannot_change_it(editor_client, entry):
    assert editor_client.get(reverse("admin:moderation_auditlogentry_changelist")).status_code == 200
    change_url = reverse("admin:moderation_auditlogentry_change", args=[entry.pk])
    editor_client.post(change_url, {"note": "rewritten"})
    entry.refresh_from_db()
    assert entry.note != "rewritten"
    delete_url = reverse("admin:moderation_auditlogentry_delete", args=[entry.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 403


# Purge ------------------------------------------------------------------------


def closed(make_submission, *, days_ago: float, status="rejected", email="river@example.org"):
    submission = make_submission("tip", email=email, client_hash="a" * 64)
    Submission.objects.filter(pk=submission.pk).update(
        status=status, decided_at=timezone.now() - timedelta(days=days_ago)
    )
    return submission


def test_purge_clears_email_and_hash_after_the_set_days(make_submission):
    old = closed(make_submission, days_ago=31)
    old_withdrawn = closed(make_submission, days_ago=40, status="withdrawn")
    recent = closed(make_submission, days_ago=29)
    still_open = make_submission("tip", email="open@example.org", client_hash="b" * 64)
    Submission.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - timedelta(days=60))

    out = StringIO()
    call_command("purge_contributor_data", stdout=out)

    assert (reload(old).email, reload(old).client_hash) == ("", "")
    assert reload(old_withdrawn).email == ""
    assert reload(recent).email == "river@example.org" and reload(recent).client_hash == "a" * 64
    assert reload(still_open).email == "open@example.org"
    assert out.getvalue() == "Purged contributor data from 2 submission(s).\n"
    assert "@" not in out.getvalue()
    # The content and the log stay: nothing is lost but the personal data.
    assert reload(old).data["title"] == "Slow mornings"


def test_purge_days_option_and_setting(make_submission, settings):
    submission = closed(make_submission, days_ago=3)
    call_command("purge_contributor_data", "--days", "5", stdout=StringIO())
    assert reload(submission).email == "river@example.org"
    call_command("purge_contributor_data", "--days", "2", stdout=StringIO())
    assert reload(submission).email == ""

    other = closed(make_submission, days_ago=3)
    settings.MODERATION_PURGE_AFTER_DAYS = 1
    call_command("purge_contributor_data", stdout=StringIO())
    assert reload(other).email == ""


def test_purge_is_idempotent(make_submission):
    closed(make_submission, days_ago=60)
    out = StringIO()
    call_command("purge_contributor_data", stdout=out)
    call_command("purge_contributor_data", stdout=out)
    assert out.getvalue().splitlines() == [
        "Purged contributor data from 1 submission(s).",
        "Purged contributor data from 0 submission(s).",
    ]


def test_purge_refuses_negative_days(make_submission):
    submission = closed(make_submission, days_ago=1)
    err = StringIO()
    call_command("purge_contributor_data", "--days", "-1", stdout=StringIO(), stderr=err)
    assert "zero or more" in err.getvalue()
    assert reload(submission).email == "river@example.org"


def test_purge_forgets_submissions_nobody_decided_after_the_set_time(make_submission, editor, settings):
    """Issue 11 (7): an item left in the queue must not keep its sender's address for ever."""
    forgotten = make_submission("tip", email="waiting@example.org", client_hash="c" * 64, submitted_by=editor)
    Submission.objects.filter(pk=forgotten.pk).update(created_at=timezone.now() - timedelta(days=91))
    recent = make_submission("tip", email="new@example.org", client_hash="d" * 64)
    Submission.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=89))

    call_command("purge_contributor_data", stdout=StringIO())

    forgotten = reload(forgotten)
    assert (forgotten.email, forgotten.client_hash, forgotten.submitted_by) == ("", "", None)
    assert forgotten.status == "pending"  # still in the queue; only who sent it is forgotten
    assert reload(recent).email == "new@example.org"

    settings.MODERATION_PURGE_UNDECIDED_AFTER_DAYS = 30
    call_command("purge_contributor_data", stdout=StringIO())
    assert reload(recent).email == ""
