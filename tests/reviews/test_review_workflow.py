"""Editors' content reviews: the due list, "reviewed, no change", the log, and honest review lines."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from resources.models import Drug
from reviews.models import ReviewLogEntry
from tests.conftest import verified_login
from tests.queries import count_queries
from withdrawal_site.reviewing import next_review_after

pytestmark = pytest.mark.django_db

DUE_URL = reverse("reviews:due_list")


def action_url(kind: str, pk: int) -> str:
    return reverse("reviews:reviewed_without_change", args=[kind, pk])


@pytest.fixture
def drug(make_drug):
    return make_drug(name="Diazepam", slug="diazepam")


# --- The permission ladder, with real group members -----------------------------------------


def test_anonymous_is_sent_to_sign_in_and_records_nothing(client, drug):
    response = client.get(DUE_URL)
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    response = client.post(action_url("drug", drug.pk))
    assert response.status_code == 302
    assert not ReviewLogEntry.objects.exists()


def test_contributor_is_refused(contributor_client, drug):
    assert contributor_client.get(DUE_URL).status_code == 403
    assert contributor_client.post(action_url("drug", drug.pk)).status_code == 403
    assert not ReviewLogEntry.objects.exists()
    drug.refresh_from_db()
    assert drug.last_reviewed is None


@pytest.mark.parametrize("member", ["editor", "group_admin", "site_admin"])
def test_editors_and_admins_see_the_list_and_record_a_review(client, request, drug, member):
    user = request.getfixturevalue(member)
    verified_login(client, user)
    response = client.get(DUE_URL)
    assert response.status_code == 200
    assertContains(response, "Diazepam")
    assertContains(response, "Reviewed, no change")
    response = client.post(action_url("drug", drug.pk))
    assertRedirects(response, DUE_URL)
    drug.refresh_from_db()
    assert drug.reviewed_by == user
    assert drug.last_reviewed == timezone.localdate()


# --- The action -------------------------------------------------------------------------------


def test_review_records_reviewer_dates_and_a_log_entry(editor_client, editor, drug):
    Drug.objects.filter(pk=drug.pk).update(next_review_due=timezone.localdate() - timedelta(days=3))
    drug.refresh_from_db()
    updated_at = drug.updated_at
    editor_client.post(action_url("drug", drug.pk))
    drug.refresh_from_db()
    today = timezone.localdate()
    assert (drug.last_reviewed, drug.reviewed_by, drug.next_review_due) == (
        today,
        editor,
        next_review_after(today),
    )
    assert drug.next_review_due > today
    assert drug.updated_at == updated_at  # nothing in the page changed
    entry = ReviewLogEntry.objects.get()
    assert entry.content_type == ContentType.objects.get_for_model(Drug)
    assert entry.object_id == drug.pk and entry.object_label == "Diazepam"
    assert entry.reviewer == editor and entry.outcome == "no_change"
    assert entry.reviewed_on == today and entry.next_review_due == drug.next_review_due
    assert entry.previous_review_due == today - timedelta(days=3)


def test_every_kind_can_be_reviewed(editor_client, make_article, make_method, drug):
    article, method = make_article(), make_method()
    for kind, item in (("article", article), ("method", method), ("drug", drug)):
        assert editor_client.post(action_url(kind, item.pk)).status_code == 302, kind
        item.refresh_from_db()
        assert item.last_reviewed == timezone.localdate(), kind
    assert ReviewLogEntry.objects.count() == 3


def test_the_action_needs_post_and_csrf(editor, drug):
    client = Client(enforce_csrf_checks=True)
    verified_login(client, editor)
    assert client.get(action_url("drug", drug.pk)).status_code == 405
    assert client.post(action_url("drug", drug.pk)).status_code == 403
    assert not ReviewLogEntry.objects.exists()


@pytest.mark.parametrize("kind", ["nonsense", "tip", "user"])
def test_unknown_kind_is_not_found(editor_client, drug, kind):
    assert editor_client.post(action_url(kind, drug.pk)).status_code == 404


def test_missing_or_unpublished_item_is_not_found(editor_client, make_drug):
    hidden = make_drug(is_published=False)
    assert editor_client.post(action_url("drug", hidden.pk)).status_code == 404
    assert editor_client.post(action_url("drug", 999999)).status_code == 404
    assert editor_client.post("/moderation/review-due/drug/abc/reviewed/").status_code == 404
    assert not ReviewLogEntry.objects.exists()


def test_the_log_is_append_only(editor_client, drug):
    editor_client.post(action_url("drug", drug.pk))
    entry = ReviewLogEntry.objects.get()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        ReviewLogEntry.objects.update(object_label="changed")
    with pytest.raises(PermissionError):
        ReviewLogEntry.objects.all().delete()
    assert ReviewLogEntry.objects.get().object_label == "Diazepam"


# --- The due list -----------------------------------------------------------------------------


def test_due_list_shows_never_reviewed_and_overdue_but_not_current(editor_client, make_drug, make_article):
    today = timezone.localdate()
    make_drug(name="Neverreviewed")
    make_drug(
        name="Overdueol", last_reviewed=today - timedelta(days=400), next_review_due=today - timedelta(days=1)
    )
    make_drug(name="Currentine", last_reviewed=today, next_review_due=today + timedelta(days=30))
    make_drug(name="Hiddenol", is_published=False)
    make_article(status="draft")
    response = editor_client.get(DUE_URL)
    assertContains(response, "Neverreviewed")
    assertContains(response, "Overdueol")
    assertNotContains(response, "Currentine")
    assertNotContains(response, "Hiddenol")


def test_a_reviewed_item_leaves_the_due_list_and_appears_in_the_log(editor_client, drug):
    editor_client.post(action_url("drug", drug.pk))
    response = editor_client.get(DUE_URL)
    assertNotContains(response, f'action="{action_url("drug", drug.pk)}"')
    assertContains(response, "Recently recorded reviews")
    assertContains(response, "Diazepam (Reviewed, no change, editor)")


def test_due_list_queries_do_not_grow(
    editor_client, make_drug, make_method, make_article, django_assert_num_queries
):
    make_drug(), make_method(), make_article()
    editor_client.post(action_url("drug", Drug.objects.first().pk))
    few = count_queries(editor_client, DUE_URL, warm=False)
    for _ in range(15):
        make_drug(), make_method(), make_article()
    assert count_queries(editor_client, DUE_URL, warm=False) == few
    assert few <= 9, few


# --- What the pages say -----------------------------------------------------------------------


def test_pages_say_when_they_were_reviewed_and_when_the_next_review_is_due(client, editor_client, drug):
    assertContains(client.get(drug.get_absolute_url()), "An editor has not reviewed this page yet.", count=1)
    editor_client.post(action_url("drug", drug.pk))
    drug.refresh_from_db()
    response = client.get(drug.get_absolute_url())
    assertContains(response, f'Page last reviewed: <time datetime="{drug.last_reviewed:%Y-%m-%d}">')
    assertContains(response, f'Next review due: <time datetime="{drug.next_review_due:%Y-%m-%d}">')
    assertNotContains(response, "An editor has not reviewed this page yet.")


def test_method_and_article_pages_carry_the_review_line(client, make_method, make_article):
    for item in (make_method(), make_article()):
        assertContains(
            client.get(item.get_absolute_url()), "An editor has not reviewed this page yet.", count=1
        )


def test_approving_an_article_sets_its_next_review_date(editor):
    from articles.services import publish_article

    article = publish_article(
        title="Approved", summary="s", body="Text.", sources="", tag_names=[], byline="", approved_by=editor
    )
    assert article.next_review_due == next_review_after(article.last_reviewed)


def test_review_dates_cannot_be_typed_into_the_admin(editor_client, drug, make_article):
    for url in (
        reverse("admin:resources_drug_change", args=[drug.pk]),
        reverse("admin:articles_article_change", args=[make_article().pk]),
    ):
        response = editor_client.get(url)
        assert response.status_code == 200, url
        for field in ("last_reviewed", "reviewed_by", "next_review_due"):
            assertNotContains(response, f'name="{field}"')
