"""Editors' pages: who may see them, the queue, claims and the history page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from moderation import services
from moderation.models import AuditLogEntry, Submission
from tests.conftest import verified_login
from tests.moderation.helpers import reload

pytestmark = pytest.mark.django_db


def moderation_urls(submission, username):
    """Every moderation URL with the method it answers to."""
    return [
        ("get", reverse("moderation:queue")),
        ("get", reverse("moderation:review", args=[submission.pk])),
        ("post", reverse("moderation:review", args=[submission.pk])),
        ("post", reverse("moderation:edit", args=[submission.pk])),
        ("post", reverse("moderation:claim", args=[submission.pk])),
        ("post", reverse("moderation:release", args=[submission.pk])),
        ("get", reverse("moderation:history", args=[username])),
    ]


@pytest.fixture
def pending(make_submission):
    return make_submission("tip")


def test_anonymous_is_sent_to_sign_in_everywhere(client, pending, editor):
    for method, url in moderation_urls(pending, editor.username):
        response = getattr(client, method)(url)
        assertRedirects(response, f"/accounts/login/?next={url}", fetch_redirect_response=False)
    assert reload(pending).status == "pending"
    assert AuditLogEntry.objects.count() == 1


def test_signed_in_non_editor_is_refused_everywhere(contributor_client, pending, editor):
    for method, url in moderation_urls(pending, editor.username):
        response = getattr(contributor_client, method)(url, {"revision": 1, "action": "approve"})
        assert response.status_code == 403, url
    assert reload(pending).status == "pending"
    assert AuditLogEntry.objects.count() == 1


@pytest.mark.parametrize("client_fixture", ["editor_client", "admin_client_"])
def test_editors_and_admins_reach_every_page(request, client_fixture, pending, editor, publisher):
    client = request.getfixturevalue(client_fixture)
    user = editor if client_fixture == "editor_client" else request.getfixturevalue("site_admin")
    assert client.get(reverse("moderation:queue")).status_code == 200
    assert client.get(reverse("moderation:review", args=[pending.pk])).status_code == 200
    assert client.get(reverse("moderation:history", args=[user.username])).status_code == 200
    assert client.post(reverse("moderation:claim", args=[pending.pk])).status_code == 302
    assert client.post(reverse("moderation:release", args=[pending.pk])).status_code == 302
    response = client.post(
        reverse("moderation:edit", args=[pending.pk]),
        {"revision": 1, "title": "Edited title", "body": "Edited body"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("moderation:review", args=[pending.pk]), {"revision": 2, "action": "approve"}
    )
    assertRedirects(response, reverse("moderation:queue"))
    assert reload(pending).status == "approved"
    assert reload(pending).decided_by == user


def test_admins_group_member_without_superuser_is_an_editor(client, django_user_model, pending):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("keeper", "k@example.org", "x")
    user.groups.add(Group.objects.get(name="Admins"))
    verified_login(client, user)
    assert client.get(reverse("moderation:queue")).status_code == 200


def test_wrong_methods_are_refused(editor_client, pending):
    assert editor_client.get(reverse("moderation:claim", args=[pending.pk])).status_code == 405
    assert editor_client.get(reverse("moderation:edit", args=[pending.pk])).status_code == 405
    assert editor_client.post(reverse("moderation:queue")).status_code == 405


def test_missing_things_are_404(editor_client):
    assert editor_client.get(reverse("moderation:review", args=[999])).status_code == 404
    assert editor_client.post(reverse("moderation:claim", args=[999])).status_code == 404
    assert editor_client.get(reverse("moderation:history", args=["nobody"])).status_code == 404


# The queue --------------------------------------------------------------------


def test_queue_lists_open_items_oldest_first_with_counts(editor_client, make_submission):
    newer = make_submission("tip", data={"title": "Newer tip", "body": "b"})
    older = make_submission("resource", data={"title": "Older link", "url": "https://e.org", "kind": "forum"})
    Submission.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    decided = make_submission("tip", data={"title": "Decided tip", "body": "b"})
    Submission.objects.filter(pk=decided.pk).update(status="rejected")

    response = editor_client.get(reverse("moderation:queue"))
    items = list(response.context["page_obj"])
    assert items == [reload(older), newer]
    assertNotContains(response, "Decided tip")
    counts = {value: count for value, _label, count in response.context["kind_counts"]}
    assert counts["tip"] == 1 and counts["resource"] == 1 and counts["article"] == 0
    assert response.context["total"] == 2
    assertContains(response, "3\xa0days")


def test_queue_filters_by_kind_and_status(editor_client, make_submission):
    make_submission("tip", data={"title": "A tip", "body": "b"})
    make_submission("article", data={"title": "An article", "body": "b"})
    waiting = make_submission("tip", data={"title": "Waiting on contributor", "body": "b"})
    Submission.objects.filter(pk=waiting.pk).update(status="changes_requested")

    response = editor_client.get(reverse("moderation:queue"), {"kind": "article"})
    assert [item.title for item in response.context["page_obj"]] == ["An article"]
    response = editor_client.get(reverse("moderation:queue"), {"show": "changes_requested"})
    assert [item.title for item in response.context["page_obj"]] == ["Waiting on contributor"]
    response = editor_client.get(
        reverse("moderation:queue"), {"kind": "nonsense", "show": "<script>", "page": "x"}
    )
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 2


def test_queue_shows_claims_and_hides_lapsed_ones(editor_client, second_editor, make_submission):
    claimed = make_submission("tip", data={"title": "Claimed", "body": "b"})
    services.claim(submission_id=claimed.pk, editor=second_editor)
    response = editor_client.get(reverse("moderation:queue"))
    assertContains(response, "<td>editor2</td>", html=True)
    Submission.objects.filter(pk=claimed.pk).update(claimed_at=timezone.now() - timedelta(minutes=31))
    response = editor_client.get(reverse("moderation:queue"))
    assertNotContains(response, "<td>editor2</td>", html=True)


def test_queue_query_count_does_not_grow_with_items(
    editor_client, make_submission, second_editor, django_assert_max_num_queries
):
    for number in range(3):
        make_submission("tip", data={"title": f"Tip {number}", "body": "b"})
    with django_assert_max_num_queries(8) as few:
        editor_client.get(reverse("moderation:queue"))
    for number in range(60):
        item = make_submission(
            ["tip", "article", "listing"][number % 3], data={"title": f"Item {number}", "body": "b"}
        )
        if number % 2:
            services.claim(submission_id=item.pk, editor=second_editor)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = editor_client.get(reverse("moderation:queue"))
    assert len(response.context["page_obj"]) == 50
    assert len(many.captured_queries) == len(few.captured_queries)


def test_review_page_query_count_is_bounded(
    editor_client, make_submission, editor, django_assert_max_num_queries
):
    submission = make_submission("tip")
    for _ in range(20):
        services.claim(submission_id=submission.pk, editor=editor)
        services.release(submission_id=submission.pk, editor=editor)
    with django_assert_max_num_queries(12):
        response = editor_client.get(reverse("moderation:review", args=[submission.pk]))
    assert len(response.context["audit_log"]) == 41


# Claims -----------------------------------------------------------------------


def test_claim_and_release(editor_client, editor, pending):
    editor_client.post(reverse("moderation:claim", args=[pending.pk]))
    pending = reload(pending)
    assert pending.claimed_by == editor and pending.active_claimant == editor
    response = editor_client.get(reverse("moderation:review", args=[pending.pk]))
    assertContains(response, "editor is working on this")
    assertContains(response, reverse("moderation:release", args=[pending.pk]))

    editor_client.post(reverse("moderation:release", args=[pending.pk]))
    assert reload(pending).claimed_by is None
    assert list(AuditLogEntry.objects.values_list("action", flat=True)) == ["submit", "claim", "release"]


def test_claim_held_by_another_editor_is_refused(editor_client, second_editor, pending):
    services.claim(submission_id=pending.pk, editor=second_editor)
    response = editor_client.post(reverse("moderation:claim", args=[pending.pk]), follow=True)
    assertContains(response, "editor2 is already working on this")
    assert reload(pending).claimed_by == second_editor
    response = editor_client.post(reverse("moderation:release", args=[pending.pk]), follow=True)
    assertContains(response, "Only editor2 can release this claim")
    assert reload(pending).claimed_by == second_editor


def test_lapsed_claim_can_be_taken_over(editor_client, editor, second_editor, pending, settings):
    settings.MODERATION_CLAIM_MINUTES = 5
    services.claim(submission_id=pending.pk, editor=second_editor)
    Submission.objects.filter(pk=pending.pk).update(claimed_at=timezone.now() - timedelta(minutes=6))
    assert reload(pending).active_claimant is None
    editor_client.post(reverse("moderation:claim", args=[pending.pk]))
    assert reload(pending).claimed_by == editor


def test_cannot_claim_a_decided_submission(editor_client, pending):
    Submission.objects.filter(pk=pending.pk).update(status="rejected")
    response = editor_client.post(reverse("moderation:claim", args=[pending.pk]), follow=True)
    assertContains(response, "already decided")
    assert reload(pending).claimed_by is None


# History ----------------------------------------------------------------------


def test_history_page_lists_an_editors_actions_newest_first(
    editor_client, editor, second_editor, make_submission, publisher
):
    first = make_submission("tip", data={"title": "First", "body": "b"})
    second = make_submission("tip", data={"title": "Second", "body": "b"})
    services.claim(submission_id=first.pk, editor=editor)
    services.decide(submission_id=first.pk, editor=editor, action="reject", public_note="Not for us.")
    services.decide(submission_id=second.pk, editor=second_editor, action="approve")

    response = editor_client.get(reverse("moderation:history", args=["editor"]))
    entries = list(response.context["page_obj"])
    assert [entry.action for entry in entries] == ["reject", "claim"]
    assertContains(response, "Not for us.")
    response = editor_client.get(reverse("moderation:history", args=["editor2"]))
    assert [entry.action for entry in response.context["page_obj"]] == ["approve"]
