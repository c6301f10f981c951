"""Contributions under pressure (issue 11 findings 2, 6, 7; issue 18).

Bounded rendering at the form, exactly-once saving keyed by the signed form
token, a rate limit counted atomically before saving, nothing typed lost when
saving fails, claims and revisions enforced on decisions.
"""

import os
import threading
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache.backends.redis import RedisCache
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from charities import services as charities_services
from moderation import services
from moderation.models import Submission
from tests.conftest import verified_login
from tests.moderation.helpers import contribute_url, form_data, reload, target_ref
from withdrawal_site import markdown, ratelimit

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("WC_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def review_url(submission):
    return reverse("moderation:review", args=[submission.pk])


class BrokenCache:
    """A shared cache that refuses every connection, like Redis during an outage."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Connection refused")

        return fail


# Bounded Markdown at the form, rendered once -----------------------------------


@pytest.mark.parametrize("body", ["[a" * 9995, "[" * 20_000, "*" * 2000 + "a" + "*" * 2000, ">" * 5000])
def test_text_that_cannot_be_rendered_is_refused_with_a_clear_error_keeping_it(client, body):
    response = client.post(contribute_url("tip"), form_data("tip", body=body))
    assert response.status_code == 400
    assertContains(response, "cannot display safely", status_code=400)
    assertContains(response, escape(body[:200]), status_code=400)  # what they typed is still in the form
    assert not Submission.objects.exists()


def test_markdown_is_rendered_once_on_save_and_pages_only_read_it(client, editor_client, monkeypatch):
    client.post(contribute_url("tip"), form_data("tip", body="Getting up **slowly** helped."))
    submission = Submission.objects.get()
    assert submission.rendered == {"body": "<p>Getting up <strong>slowly</strong> helped.</p>"}

    def no_rendering(*args, **kwargs):
        raise AssertionError("Markdown rendered on view")

    monkeypatch.setattr(markdown, "_render_markdown", no_rendering)
    assertContains(client.get(submission.get_status_url()), "<strong>slowly</strong>")
    assertContains(editor_client.get(review_url(submission)), "<strong>slowly</strong>")


# Exactly once --------------------------------------------------------------------


def test_the_same_form_posted_three_times_gives_one_submission(client):
    data = form_data("tip")
    responses = [client.post(contribute_url("tip"), data) for _ in range(3)]
    assert Submission.objects.count() == 1
    status_url = Submission.objects.get().get_status_url()
    assert [response.status_code for response in responses] == [302, 302, 302]
    assert {response.url for response in responses} == {status_url}
    follow = client.post(contribute_url("tip"), data, follow=True)
    assertContains(follow, "We already have this contribution")


def test_a_failure_after_the_save_still_shows_the_status_link(client, monkeypatch):
    real_submit = services.submit

    def saved_then_connection_dropped(**kwargs):
        real_submit(**kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "submit", saved_then_connection_dropped)
    response = client.post(contribute_url("tip"), form_data("tip"))
    submission = Submission.objects.get()
    assert response.status_code == 302 and response.url == submission.get_status_url()


def test_a_replayed_token_with_other_content_creates_nothing_new(client):
    data = form_data("tip")
    client.post(contribute_url("tip"), data)
    client.post(contribute_url("tip"), {**data, "title": "Different spam"})
    assert list(Submission.objects.values_list("data__title", flat=True)) == ["Slow mornings"]


# Nothing typed is lost -------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [OperationalError("could not connect to server"), TimeoutError("timed out"), ConnectionError("refused")],
)
def test_a_failure_while_saving_gives_a_calm_503_with_the_text_and_the_crisis_link(
    client, monkeypatch, failure
):
    def fail(**kwargs):
        raise failure

    monkeypatch.setattr(services, "submit", fail)
    body = "My words, which must not be lost. Ünïcode & <angle> too."
    response = client.post(contribute_url("tip"), form_data("tip", body=body, pseudonym="River"))
    assert response.status_code == 503
    assertContains(response, "Nothing you typed is lost", status_code=503)
    assertContains(
        response, "My words, which must not be lost. Ünïcode &amp; &lt;angle&gt; too.", status_code=503
    )
    assertContains(response, 'value="River"', status_code=503)
    assertContains(response, 'href="/crisis/"', status_code=503)
    assertContains(response, 'name="started"', status_code=503)  # can be sent again as is


def test_after_a_failed_save_the_retry_is_not_refused_as_rate_limited(client, monkeypatch, settings):
    settings.MODERATION_RATE_LIMIT = 1
    real_submit = services.submit
    monkeypatch.setattr(services, "submit", lambda **kwargs: (_ for _ in ()).throw(OperationalError("down")))
    data = form_data("tip")
    assert client.post(contribute_url("tip"), data).status_code == 503
    monkeypatch.setattr(services, "submit", real_submit)
    assert client.post(contribute_url("tip"), data).status_code == 302
    assert Submission.objects.count() == 1


def test_with_the_cache_down_a_contribution_is_accepted_and_flagged_for_editors(
    client, editor_client, monkeypatch
):
    monkeypatch.setattr(ratelimit, "cache", BrokenCache())
    response = Client().post(contribute_url("tip"), form_data("tip"))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.rate_limit_unchecked is True
    monkeypatch.undo()
    assertContains(editor_client.get(reverse("moderation:queue")), "rate limit not checked")
    assertContains(editor_client.get(review_url(submission)), "the shared cache was down")


# The rate limit counts atomically before saving -----------------------------------------


def take_slots_at_once(count: int, *, limit: int) -> list[ratelimit.Slot]:
    barrier = threading.Barrier(count)
    slots: list = []

    def worker():
        barrier.wait(timeout=10)
        slots.append(ratelimit.take_slot(scope="race", identity="one-client", limit=limit, window_seconds=60))

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return slots


def test_thirty_concurrent_posts_cannot_pass_a_limit_of_five_locmem():
    slots = take_slots_at_once(30, limit=5)
    assert len(slots) == 30
    assert sum(slot.allowed for slot in slots) == 5


@pytest.fixture
def redis_cache(monkeypatch):
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "wc-test-contrib"})
    try:
        cache.get("ping")
    except Exception:
        pytest.skip(f"no Redis at {REDIS_URL}")
    monkeypatch.setattr(ratelimit, "cache", cache)
    ratelimit.reset(scope="race", identity="one-client")
    yield cache
    ratelimit.reset(scope="race", identity="one-client")


def test_thirty_concurrent_posts_cannot_pass_a_limit_of_five_redis(redis_cache):
    slots = take_slots_at_once(30, limit=5)
    assert len(slots) == 30
    assert sum(slot.allowed for slot in slots) == 5
    assert all(slot.checked for slot in slots)


def test_a_released_slot_can_be_used_again(redis_cache):
    first = ratelimit.take_slot(scope="race", identity="one-client", limit=1, window_seconds=60)
    assert first.allowed
    assert not ratelimit.take_slot(scope="race", identity="one-client", limit=1, window_seconds=60).allowed
    first.release()
    assert ratelimit.take_slot(scope="race", identity="one-client", limit=1, window_seconds=60).allowed


def test_the_view_counts_before_saving(client, settings):
    settings.MODERATION_RATE_LIMIT = 2
    statuses = [client.post(contribute_url("tip"), form_data("tip")).status_code for _ in range(4)]
    assert statuses == [302, 302, 429, 429]
    assert Submission.objects.count() == 2


# Claims, revisions, own contributions, duplicates -------------------------------------------


def test_an_editor_cannot_decide_or_edit_an_item_claimed_by_another(
    editor_client, second_editor, make_submission, publisher
):
    submission = make_submission("tip")
    services.claim(submission_id=submission.pk, editor=second_editor)

    page = editor_client.get(review_url(submission))
    assertContains(page, "only they can decide or edit it")
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "approve"})
    assert response.status_code == 409
    assertContains(response, "editor2 is working on this", status_code=409)
    editor_client.post(
        reverse("moderation:edit", args=[submission.pk]), {"revision": 1, "title": "X", "body": "Y"}
    )
    submission = reload(submission)
    assert submission.status == "pending" and submission.data["title"] == "Slow mornings"
    assert not publisher.calls


def test_a_lapsed_claim_no_longer_blocks(editor_client, second_editor, make_submission, publisher):
    submission = make_submission("tip")
    services.claim(submission_id=submission.pk, editor=second_editor)
    Submission.objects.filter(pk=submission.pk).update(claimed_at=timezone.now() - timedelta(hours=2))
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "approve"})
    assert response.status_code == 302
    assert reload(submission).status == "approved"


def test_a_revision_arriving_in_between_is_not_approved_unseen(
    editor_client, second_editor, make_submission, publisher
):
    submission = make_submission("tip")
    editor_client.get(review_url(submission))  # the editor reads revision 1
    services.edit(submission_id=submission.pk, editor=second_editor, data={"title": "Changed", "body": "New"})

    response = editor_client.post(review_url(submission), {"revision": 1, "action": "approve"})
    assert response.status_code == 409
    assertContains(response, "changed while you were reading it", status_code=409)
    assertContains(response, 'name="revision" value="2"', status_code=409)
    assert reload(submission).status == "pending" and not publisher.calls


def test_a_contributors_revision_bumps_the_revision(make_submission, editor):
    submission = make_submission("tip")
    services.decide(submission_id=submission.pk, editor=editor, action="request_changes", public_note="More?")
    services.resubmit(reference=submission.reference, data={"title": "T2", "body": "B2"})
    submission = reload(submission)
    assert submission.revision == 2 and submission.rendered == {"body": "<p>B2</p>"}
    with pytest.raises(services.StaleRevisionError):
        services.decide(submission_id=submission.pk, editor=editor, action="approve", seen_revision=1)


def test_a_missing_revision_is_refused_without_error(editor_client, make_submission, publisher):
    submission = make_submission("tip")
    response = editor_client.post(review_url(submission), {"action": "approve"})
    assert response.status_code == 400
    assert reload(submission).status == "pending"


def test_an_editor_cannot_approve_what_they_sent_while_signed_in(editor, second_editor, publisher):
    own = Client()
    verified_login(own, editor)
    assert own.post(contribute_url("tip"), form_data("tip")).status_code == 302
    submission = Submission.objects.get()
    assert submission.submitted_by == editor

    page = own.get(review_url(submission))
    assertContains(page, "You sent this contribution yourself")
    assertNotContains(page, 'value="approve"')
    response = own.post(review_url(submission), {"revision": 1, "action": "approve"})
    assert response.status_code == 409
    assert reload(submission).status == "pending"

    other = Client()
    verified_login(other, second_editor)
    assert other.post(review_url(submission), {"revision": 1, "action": "approve"}).status_code == 302
    assert reload(submission).status == "approved"


def test_approving_a_listing_that_duplicates_one_is_a_clear_refusal(
    client, editor, editor_client, drug_classes
):
    existing = charities_services.publish_listing(
        name="Taper Support Line",
        description="",
        website="",
        email="",
        country="GB",
        service_type="helpline",
        phone="",
        area_description="",
        drug_class_slugs=[],
        languages=[],
        approved_by=editor,
    )
    Client().post(contribute_url("listing"), form_data("listing"))
    submission = Submission.objects.get()
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "approve"})
    assert response.status_code == 409
    assertContains(response, "is already in the directory", status_code=409)
    assertContains(response, existing.get_absolute_url(), status_code=409)
    assert reload(submission).status == "pending"
    assert existing.services.count() == 1 and existing.email == ""


def test_a_database_failure_during_a_decision_is_a_clear_503(editor_client, make_submission, monkeypatch):
    submission = make_submission("tip")

    def fail(**kwargs):
        raise OperationalError("statement timeout")

    monkeypatch.setattr(services, "decide", fail)
    response = editor_client.post(review_url(submission), {"revision": 1, "action": "reject"})
    assert response.status_code == 503
    assertContains(response, "nothing was changed", status_code=503)
    assertContains(response, 'href="/crisis/"', status_code=503)


# Privacy --------------------------------------------------------------------------


def test_a_corrections_status_page_never_shows_a_target_that_is_no_longer_public(client, editor):
    article = Article.objects.create(
        title="Hidden Article Title",
        slug="hidden-article",
        summary="Secret summary words",
        body="Body words kept private",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    submission = services.submit(
        kind="correction",
        data={
            "changes": {"summary": "Proposed summary"},
            "note": "n",
            "target_label": "Hidden Article Title",
        },
        target=article,
    )
    assertContains(client.get(submission.get_status_url()), "Secret summary words")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)

    page = client.get(submission.get_status_url())
    assert page.status_code == 200
    assertNotContains(page, "Hidden Article Title")
    assertNotContains(page, "Secret summary words")
    assertContains(page, "Proposed summary")
    assertContains(page, "no longer public")
    assert target_ref(article)  # the reference itself is never shown either
    assertNotContains(page, target_ref(article))


def test_the_admins_group_exists_for_the_ladder():
    assert Group.objects.filter(name="Admins").exists()


def test_a_failure_while_saving_a_revision_keeps_it_in_the_form(client, make_submission, editor, monkeypatch):
    submission = make_submission("tip")
    services.decide(
        submission_id=submission.pk, editor=editor, action="request_changes", public_note="Add more"
    )

    def fail(**kwargs):
        raise OperationalError("could not connect")

    monkeypatch.setattr(services, "resubmit", fail)
    response = client.post(
        submission.get_status_url(), {"title": "Revised title", "body": "My revised words"}
    )
    assert response.status_code == 503
    assertContains(response, "My revised words", status_code=503)
    assertContains(response, "was not saved", status_code=503)
    assert reload(submission).status == "changes_requested"


def test_control_characters_in_a_pseudonym_are_stripped_at_the_edge(client):
    client.post(contribute_url("tip"), form_data("tip", pseudonym="Ri\x07v\x1ber", title="Ti\x0ctle"))
    submission = Submission.objects.get()
    assert submission.pseudonym == "River" and submission.data["title"] == "Title"
