"""Two editors deciding at the same moment: exactly one decision, one live object.

Real threads with their own database connections, so this needs PostgreSQL's
row locks (SQLite serialises whole-database writes and would prove nothing).
"""

import threading

import pytest
from django.db import connection, connections

from moderation import services
from moderation.models import AuditLogEntry, Submission
from tests.moderation.helpers import published_tips

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks; run with DATABASE_URL=postgres://... (CI does)",
    ),
]


def run_at_once(*calls):
    """Start every call together (a barrier) in its own thread; collect results or errors."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = ("ok", call())
        except Exception as error:  # the test inspects every outcome
            outcomes[index] = ("error", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def slow(publisher):
    """Widen the race: the publisher sleeps while holding the lock."""
    import time

    def publish(**kwargs):
        time.sleep(0.3)
        return publisher(**kwargs)

    return publish


def test_two_editors_approving_at_once_publish_exactly_once(editor, second_editor, publisher, use_publisher):
    use_publisher("tip", slow(publisher))
    submission = services.submit(kind="tip", data={"title": "Race", "body": "b"})

    outcomes = run_at_once(
        lambda: services.decide(submission_id=submission.pk, editor=editor, action="approve"),
        lambda: services.decide(submission_id=submission.pk, editor=second_editor, action="approve"),
    )

    successes = [value for kind, value in outcomes if kind == "ok"]
    failures = [value for kind, value in outcomes if kind == "error"]
    assert len(successes) == 1, outcomes
    assert len(failures) == 1 and isinstance(failures[0], services.AlreadyDecidedError), outcomes
    winner = successes[0].decided_by
    assert f"already decided by {winner.username}" in str(failures[0])
    assert published_tips("Race").count() == 1
    assert len(publisher.calls) == 1
    assert AuditLogEntry.objects.filter(submission=submission, action="approve").count() == 1
    stored = Submission.objects.get(pk=submission.pk)
    assert stored.status == "approved" and stored.decided_by == winner


def test_approve_and_reject_at_once_give_one_decision(editor, second_editor, publisher):
    submission = services.submit(kind="tip", data={"title": "Mixed", "body": "b"})
    outcomes = run_at_once(
        lambda: services.decide(submission_id=submission.pk, editor=editor, action="approve"),
        lambda: services.decide(submission_id=submission.pk, editor=second_editor, action="reject"),
    )
    assert sorted(kind for kind, _value in outcomes) == ["error", "ok"], outcomes
    stored = Submission.objects.get(pk=submission.pk)
    decisions = AuditLogEntry.objects.filter(submission=submission, action__in=["approve", "reject"])
    assert decisions.count() == 1
    assert published_tips("Mixed").count() == (1 if stored.status == "approved" else 0)


def test_withdraw_racing_approval_never_publishes_a_withdrawn_item(editor, publisher, use_publisher):
    use_publisher("tip", slow(publisher))
    submission = services.submit(kind="tip", data={"title": "Withdrawn race", "body": "b"})
    run_at_once(
        lambda: services.decide(submission_id=submission.pk, editor=editor, action="approve"),
        lambda: services.withdraw(reference=submission.reference),
    )
    stored = Submission.objects.get(pk=submission.pk)
    assert stored.status in ("approved", "withdrawn")
    assert published_tips("Withdrawn race").count() == (1 if stored.status == "approved" else 0)


def test_two_editors_claiming_at_once_one_wins(editor, second_editor):
    submission = services.submit(kind="tip", data={"title": "Claim race", "body": "b"})
    outcomes = run_at_once(
        lambda: services.claim(submission_id=submission.pk, editor=editor),
        lambda: services.claim(submission_id=submission.pk, editor=second_editor),
    )
    assert sorted(kind for kind, _value in outcomes) == ["error", "ok"], outcomes
    assert AuditLogEntry.objects.filter(submission=submission, action="claim").count() == 1


def test_thirty_concurrent_posts_store_at_most_the_limit(settings):
    """Issue 11 (6): the limit was check-then-act, and 30 posts at once got 6 to 12 through 5."""
    from django.test import Client

    from tests.moderation.helpers import contribute_url, form_data

    settings.MODERATION_RATE_LIMIT = 5
    posts = [form_data("tip", title=f"Post {number}") for number in range(30)]
    outcomes = run_at_once(
        *[lambda data=data: Client().post(contribute_url("tip"), data).status_code for data in posts]
    )
    statuses = sorted(value for kind, value in outcomes if kind == "ok")
    assert len(statuses) == 30, outcomes
    assert statuses.count(302) == 5 and statuses.count(429) == 25
    assert Submission.objects.count() == 5


def test_the_same_form_sent_three_times_at_once_is_stored_once():
    """Issue 18: a double tap or a retry races the first request; the token is the key."""
    from django.test import Client

    from tests.moderation.helpers import contribute_url, form_data

    data = form_data("tip", title="Triple tap")
    outcomes = run_at_once(*[lambda: Client().post(contribute_url("tip"), data) for _ in range(3)])
    responses = [value for kind, value in outcomes if kind == "ok"]
    assert len(responses) == 3, outcomes
    assert Submission.objects.filter(data__title="Triple tap").count() == 1
    status_url = Submission.objects.get(data__title="Triple tap").get_status_url()
    assert {response.status_code for response in responses} == {302}
    assert {response.url for response in responses} == {status_url}
