"""The contributor's private status page: status, the editor's note, withdrawing, revising."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from moderation import services
from moderation.models import AuditLogEntry, Submission, new_reference
from tests.moderation.helpers import reload

pytestmark = pytest.mark.django_db


def status_url(submission) -> str:
    return reverse("moderation:status", args=[submission.reference])


def test_reference_is_long_random_and_unique(make_submission):
    references = {new_reference() for _ in range(1000)}
    assert len(references) == 1000
    assert all(len(reference) >= 22 for reference in references)  # 16 random bytes: 128 bits
    first, second = make_submission("tip"), make_submission("tip")
    assert first.reference != second.reference
    assert str(first.pk) not in first.reference or len(first.reference) >= 22


def test_status_page_is_private_and_uncached(client, make_submission):
    submission = make_submission("tip")
    response = client.get(status_url(submission))
    assertContains(response, "Waiting for review")
    assertContains(response, "Slow mornings")
    assertContains(response, '<meta name="robots" content="noindex, nofollow">')
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("reference", ["abc", "0" * 22, "1", "a-b_c"])
def test_unknown_reference_is_404(client, make_submission, reference):
    make_submission("tip")
    assert client.get(reverse("moderation:status", args=[reference])).status_code == 404
    assert client.post(reverse("moderation:withdraw", args=[reference])).status_code == 404


def test_status_page_shows_decision_and_public_note_but_not_internal(
    client, second_editor, make_submission, publisher
):
    submission = make_submission("tip")
    services.decide(
        submission_id=submission.pk,
        editor=second_editor,
        action="reject",
        public_note="We already have this tip.",
        internal_note="Duplicate of #12, secret editor chatter.",
    )
    response = client.get(status_url(submission))
    assertContains(response, "Not accepted")
    assertContains(response, "We already have this tip.")
    assertNotContains(response, "secret editor chatter")
    assertNotContains(response, "editor2")  # editors stay anonymous to contributors
    assertNotContains(response, "Withdraw my contribution")


def test_withdraw(client, make_submission):
    submission = make_submission("tip")
    response = client.post(reverse("moderation:withdraw", args=[submission.reference]))
    assertRedirects(response, status_url(submission))
    submission = reload(submission)
    assert submission.status == "withdrawn" and submission.decided_at is not None
    entry = AuditLogEntry.objects.get(action="withdraw")
    assert entry.actor is None
    page = client.get(status_url(submission))
    assertContains(page, "You withdrew this contribution")
    assertNotContains(page, "Withdraw my contribution")


def test_withdraw_after_decision_is_refused(client, editor, make_submission, publisher):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=editor, action="approve")
    response = client.post(reverse("moderation:withdraw", args=[submission.reference]), follow=True)
    assertContains(response, "already decided")
    assert reload(submission).status == "approved"


def test_withdraw_needs_post(client, make_submission):
    submission = make_submission("tip")
    assert client.get(reverse("moderation:withdraw", args=[submission.reference])).status_code == 405
    assert reload(submission).status == "pending"


def test_revise_after_changes_requested(client, editor, make_submission):
    submission = make_submission("tip")
    services.decide(
        submission_id=submission.pk, editor=editor, action="request_changes", public_note="Please shorten it."
    )
    page = client.get(status_url(submission))
    assertContains(page, "Changes requested")
    assertContains(page, "Please shorten it.")
    assertContains(page, "Revise your contribution")

    response = client.post(status_url(submission), {"title": "Short", "body": "Slowly."})
    assertRedirects(response, status_url(submission))
    submission = reload(submission)
    assert submission.status == "pending"
    assert submission.data["title"] == "Short"
    assert submission.public_note == ""
    entry = AuditLogEntry.objects.filter(action="edit").get()
    assert entry.actor is None and "title" in entry.note
    assert Submission.objects.for_queue().filter(pk=submission.pk).exists()


def test_bad_revision_keeps_text(client, editor, make_submission):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=editor, action="request_changes", public_note="More")
    response = client.post(status_url(submission), {"title": "x" * 300, "body": "Kept words"})
    assert response.status_code == 400
    assertContains(response, "Kept words", status_code=400)
    assert reload(submission).status == "changes_requested"


def test_revising_is_only_possible_when_changes_were_requested(client, make_submission):
    submission = make_submission("tip")
    assertNotContains(client.get(status_url(submission)), "Revise your contribution")
    response = client.post(status_url(submission), {"title": "Sneaky", "body": "b"}, follow=True)
    assertContains(response, "can no longer be changed")
    assert reload(submission).data["title"] == "Slow mornings"


def test_correction_status_page_shows_the_diff(client, correction):
    response = client.get(status_url(correction))
    assertContains(response, "<ins>A corrected summary.</ins>", html=True)
