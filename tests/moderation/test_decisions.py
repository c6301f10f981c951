"""Review, editing and decisions: publishing in one transaction, the log, the emails."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from moderation import services
from moderation.models import AuditLogEntry, Submission
from tests.moderation.helpers import published_tips, reload

pytestmark = pytest.mark.django_db


def review_url(submission) -> str:
    return reverse("moderation:review", args=[submission.pk])


def test_review_page_shows_rendered_preview_and_decision_buttons(editor_client, make_submission):
    submission = make_submission(
        "tip",
        data={"title": "Slow mornings", "body": "Get up **slowly**.\n\n<script>alert(1)</script>"},
        pseudonym="River",
    )
    response = editor_client.get(review_url(submission))
    assertContains(response, "<strong>slowly</strong>")
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;")
    assertContains(response, "By River")
    for action in ("approve", "reject", "request_changes", "spam"):
        assertContains(response, f'<button name="action" value="{action}"')
    assertContains(response, 'name="public_note"')
    assertContains(response, 'name="internal_note"')
    assertContains(response, f'action="/moderation/{submission.pk}/edit/"')


def test_approve_publishes_once_and_records_who(editor_client, editor, make_submission, publisher):
    submission = make_submission("tip", pseudonym="River", language="en")
    response = editor_client.post(
        review_url(submission), {"revision": 1, "action": "approve", "public_note": "Thank you!"}
    )
    assertRedirects(response, reverse("moderation:queue"))

    submission = reload(submission)
    assert submission.status == "approved"
    assert submission.decided_by == editor and submission.decided_at is not None
    assert submission.public_note == "Thank you!"
    live = published_tips("Slow mornings").get()
    assert submission.published_object == live
    assert publisher.calls == [
        {
            "data": submission.data,
            "author_name": "River",
            "approved_by": editor,
            "language": "en",
        }
    ]
    entry = AuditLogEntry.objects.get(action="approve")
    assert (entry.actor, entry.note) == (editor, "Thank you!")


def test_anonymous_contribution_is_published_as_anonymous(editor, make_submission, publisher):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=editor, action="approve")
    assert publisher.calls[0]["author_name"] == "Anonymous"


@pytest.mark.parametrize(
    ("action", "status"),
    [("reject", "rejected"), ("spam", "spam"), ("request_changes", "changes_requested")],
)
def test_other_decisions_publish_nothing(editor_client, editor, make_submission, publisher, action, status):
    submission = make_submission("tip")
    editor_client.post(
        review_url(submission),
        {"revision": 1, "action": action, "public_note": "Please add a source.", "internal_note": "hmm"},
    )
    submission = reload(submission)
    assert submission.status == status
    assert publisher.calls == []
    assert submission.published_object_id == ""
    entry = AuditLogEntry.objects.get(action=action)
    assert (entry.actor, entry.note, entry.internal_note) == (editor, "Please add a source.", "hmm")


def test_request_changes_needs_a_public_note(editor_client, make_submission):
    submission = make_submission("tip")
    response = editor_client.post(
        review_url(submission), {"revision": 1, "action": "request_changes", "internal_note": "kept"}
    )
    assert response.status_code == 400
    assertContains(response, "Tell the contributor what to change.", status_code=400)
    assertContains(response, "kept", status_code=400)
    assert reload(submission).status == "pending"


@pytest.mark.parametrize(
    "post",
    [
        {},
        {"revision": 1, "action": "publish"},
        {"revision": 1, "action": "approve", "public_note": "x" * 2001},
    ],
)
def test_bad_decision_input_is_a_form_error(editor_client, make_submission, publisher, post):
    submission = make_submission("tip")
    response = editor_client.post(review_url(submission), post)
    assert response.status_code == 400
    assert reload(submission).status == "pending"
    assert publisher.calls == []


def test_second_decision_is_refused_with_who_decided(
    editor_client, second_editor, make_submission, publisher
):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=second_editor, action="approve")
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "reject"})
    assert response.status_code == 409
    assertContains(response, "already decided by editor2", status_code=409)
    submission = reload(submission)
    assert submission.status == "approved" and submission.decided_by == second_editor
    assert published_tips("Slow mornings").count() == 1
    assert AuditLogEntry.objects.filter(action__in=["approve", "reject"]).count() == 1


def test_approve_twice_through_the_service_publishes_once(editor, second_editor, make_submission, publisher):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=editor, action="approve")
    with pytest.raises(services.AlreadyDecidedError, match="already decided by editor"):
        services.decide(submission_id=submission.pk, editor=second_editor, action="approve")
    assert published_tips("Slow mornings").count() == 1


def test_failed_publishing_changes_nothing(editor_client, editor, make_submission, register_kind):
    from resources.models import Tip
    from resources.services import publish_tip_submission

    def failing_publisher(**kwargs):
        publish_tip_submission(**kwargs)  # half done: a real tip row, then a failure
        raise ValidationError("Title is taken.")

    register_kind("failing", publish=failing_publisher)
    submission = make_submission("failing", data={"title": "Half done", "body": "b"})
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "approve"})
    assert response.status_code == 409
    assertContains(response, "It could not be published: Title is taken.", status_code=409)
    assert reload(submission).status == "pending"
    assert not Tip.objects.filter(title="Half done").exists()
    assert not AuditLogEntry.objects.filter(action="approve").exists()


def test_withdrawn_submission_cannot_be_approved(editor, make_submission, publisher):
    submission = make_submission("tip")
    services.withdraw(reference=submission.reference)
    with pytest.raises(services.AlreadyDecidedError, match="withdrawn by the contributor"):
        services.decide(submission_id=submission.pk, editor=editor, action="approve")
    assert publisher.calls == []


def test_changes_requested_can_still_be_decided(editor, make_submission, publisher):
    submission = make_submission("tip")
    services.decide(
        submission_id=submission.pk, editor=editor, action="request_changes", public_note="Shorter?"
    )
    with pytest.raises(services.AlreadyDecidedError):
        services.decide(
            submission_id=submission.pk, editor=editor, action="request_changes", public_note="Again"
        )
    services.decide(submission_id=submission.pk, editor=editor, action="reject")
    assert reload(submission).status == "rejected"


def test_decision_clears_the_claim(editor, make_submission, publisher):
    submission = make_submission("tip")
    services.claim(submission_id=submission.pk, editor=editor)
    services.decide(submission_id=submission.pk, editor=editor, action="approve")
    assert reload(submission).claimed_by is None


# Editing before deciding ------------------------------------------------------


def test_editor_edits_then_approves_the_edited_version(editor_client, editor, make_submission, publisher):
    submission = make_submission("tip")
    response = editor_client.post(
        reverse("moderation:edit", args=[submission.pk]),
        {"revision": 1, "title": "Slow, calm mornings", "body": "Get up *slowly*."},
    )
    assertRedirects(response, review_url(submission), fetch_redirect_response=False)
    page = editor_client.get(review_url(submission))
    assertContains(page, "<em>slowly</em>")
    entry = AuditLogEntry.objects.get(action="edit")
    assert entry.actor == editor and "body" in entry.internal_note and "title" in entry.internal_note

    editor_client.post(review_url(submission), {"revision": 2, "action": "approve"})
    assert publisher.calls[0]["data"]["title"] == "Slow, calm mornings"
    assert published_tips("Slow, calm mornings").count() == 1


def test_edit_without_changes_logs_nothing(editor_client, make_submission, drug_classes):
    submission = make_submission("tip", data={"title": "T", "body": "B", "drug_classes": []})
    editor_client.post(
        reverse("moderation:edit", args=[submission.pk]), {"revision": 1, "title": "T", "body": "B"}
    )
    assert not AuditLogEntry.objects.filter(action="edit").exists()


def test_bad_edit_keeps_text_and_shows_errors(editor_client, make_submission):
    submission = make_submission("tip")
    response = editor_client.post(
        reverse("moderation:edit", args=[submission.pk]),
        {"revision": 1, "title": "", "body": "Kept body text"},
    )
    assert response.status_code == 400
    assertContains(response, "Kept body text", status_code=400)
    assert "title" in response.context["edit_form"].errors
    assert reload(submission).data["title"] == "Slow mornings"


def test_decided_submission_cannot_be_edited(editor_client, editor, make_submission, publisher):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=editor, action="reject")
    response = editor_client.post(
        reverse("moderation:edit", args=[submission.pk]),
        {"revision": 1, "title": "Sneaky", "body": "b"},
        follow=True,
    )
    assertContains(response, "already decided")
    assert reload(submission).data["title"] == "Slow mornings"
    page = editor_client.get(review_url(submission))
    assertNotContains(page, 'value="approve"')


@pytest.mark.parametrize("kind", ["experience", "resource", "article", "listing"])
def test_editing_each_kind_round_trips_the_stored_data(editor_client, kind, drug_classes):
    from tests.moderation.helpers import contribute_url, form_data

    # Send it through the public form, so the stored data is exactly what the form makes.
    editor_client.post(contribute_url(kind), form_data(kind))
    submission = Submission.objects.get()
    form = editor_client.get(review_url(submission)).context["edit_form"]
    post = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    response = editor_client.post(reverse("moderation:edit", args=[submission.pk]), post)
    assert response.status_code == 302, response.context and response.context["edit_form"].errors
    assert reload(submission).data == submission.data
    assert not AuditLogEntry.objects.filter(action="edit").exists()


# Corrections ------------------------------------------------------------------


def test_correction_review_shows_an_escaped_diff(editor_client, correction, correctable_disclaimer):
    Submission.objects.filter(pk=correction.pk).update(
        data={**correction.data, "changes": {"summary": "New <b>summary</b>."}}
    )
    response = editor_client.get(review_url(correction))
    assertContains(response, f"<del>{correctable_disclaimer.summary}</del>", html=True)
    assertContains(response, "<ins>New &lt;b&gt;summary&lt;/b&gt;.</ins>", html=True)
    assertNotContains(response, "<b>summary</b>")
    assertContains(response, "Outdated.")


def test_approving_a_correction_updates_the_live_object(
    editor_client, editor, correction, correctable_disclaimer
):
    response = editor_client.post(review_url(correction), {"revision": 1, "action": "approve"})
    assert response.status_code == 302
    correctable_disclaimer.refresh_from_db()
    assert correctable_disclaimer.summary == "A corrected summary."
    correction = reload(correction)
    assert correction.status == "approved" and correction.decided_by == editor
    assert correction.published_object_id == ""  # nothing new was created


def test_editor_can_edit_a_correction(editor_client, correction, correctable_disclaimer):
    form = editor_client.get(review_url(correction)).context["edit_form"]
    assert form["field_summary"].value() == "A corrected summary."
    assert form["field_title"].value() == correctable_disclaimer.title
    editor_client.post(
        reverse("moderation:edit", args=[correction.pk]),
        {
            "revision": 1,
            "field_title": correctable_disclaimer.title,
            "field_summary": "An even better summary.",
            "field_body": correctable_disclaimer.body,
            "note": "Outdated.",
        },
    )
    correction = reload(correction)
    assert correction.data["changes"] == {"summary": "An even better summary."}
    assert correction.data["target_label"] == "Site"


def test_invalid_correction_is_refused_on_approval(editor, correction):
    Submission.objects.filter(pk=correction.pk).update(
        data={**correction.data, "changes": {"summary": "x" * 301}}
    )
    with pytest.raises(services.PublishingFailedError, match="could not be published"):
        services.decide(submission_id=correction.pk, editor=editor, action="approve")
    assert reload(correction).status == "pending"


def test_correction_to_a_deleted_object_is_refused_on_approval(
    editor_client, correction, correctable_disclaimer
):
    from withdrawal_site.disclaimers.models import Disclaimer

    Disclaimer.objects.filter(pk=correctable_disclaimer.pk).delete()
    page = editor_client.get(review_url(correction))
    assertContains(page, "a page that no longer exists")
    response = editor_client.post(review_url(correction), {"revision": 1, "action": "approve"})
    assertContains(response, "no longer exists", status_code=409)


# Emails -----------------------------------------------------------------------


def test_decision_email_is_sent_after_commit(
    editor_client, make_submission, publisher, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission("tip", email="river@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            review_url(submission), {"revision": 1, "action": "approve", "public_note": "Lovely."}
        )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["river@example.org"]
    assert "decision" in message.subject
    assert f"http://testserver/contribute/status/{submission.reference}/" in message.body
    assert "Approved and published" in message.body
    assert "Lovely." not in message.body  # the note stays behind the private link


@pytest.mark.parametrize("action", ["reject", "request_changes"])
def test_other_decisions_also_email(
    editor, make_submission, mailoutbox, django_capture_on_commit_callbacks, action
):
    submission = make_submission("tip", email="river@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(submission_id=submission.pk, editor=editor, action=action, public_note="Note")
    assert len(mailoutbox) == 1


def test_no_email_without_address_or_for_spam(
    editor, make_submission, mailoutbox, django_capture_on_commit_callbacks, publisher
):
    quiet = make_submission("tip")
    spam = make_submission("tip", email="bot@example.org")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.decide(submission_id=quiet.pk, editor=editor, action="approve")
        services.decide(submission_id=spam.pk, editor=editor, action="spam")
    assert mailoutbox == []
    assert len(callbacks) == 1  # the published signal only


def test_no_email_when_the_decision_fails(
    editor, second_editor, make_submission, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission("tip", email="river@example.org")
    services.decide(submission_id=submission.pk, editor=editor, action="reject")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.AlreadyDecidedError):
        services.decide(submission_id=submission.pk, editor=second_editor, action="reject")
    assert mailoutbox == []


def test_published_signal_fires_after_commit(
    editor, make_submission, publisher, django_capture_on_commit_callbacks
):
    from moderation.signals import submission_published

    received = []

    def listener(sender, submission, obj, **kwargs):
        received.append((submission.pk, obj))

    submission_published.connect(listener)
    try:
        submission = make_submission("tip")
        with django_capture_on_commit_callbacks(execute=True):
            services.decide(submission_id=submission.pk, editor=editor, action="approve")
    finally:
        submission_published.disconnect(listener)
    assert received == [(submission.pk, published_tips("Slow mornings").get())]


def test_clash_on_publishing_is_refused_not_a_server_error(editor_client, make_submission, register_kind):
    from django.contrib.auth.models import Group

    def clashing_publisher(**kwargs):
        Group.objects.create(name="Editors")  # already exists: unique name

    register_kind("clashing", publish=clashing_publisher)
    submission = make_submission("clashing", data={"title": "Clash", "body": "b"})
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "approve"})
    assertContains(response, "clashes with something already on the site", status_code=409)
    assert reload(submission).status == "pending"
