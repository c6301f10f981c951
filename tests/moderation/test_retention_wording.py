"""One wording of how long a contributor's email address is kept, everywhere, and it is what
purge_contributor_data does, undecided contributions included (issue 14)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from moderation import services
from moderation.models import Submission
from moderation.tasks import retention_sentence
from tests.moderation.helpers import contribute_url

pytestmark = pytest.mark.django_db

OTHER_WORDINGS = ("a few days after", "a set number of days", "we delete it 30 days")


def test_the_pages_and_the_email_say_the_same_sentence(
    settings, editor, make_submission, mailoutbox, django_capture_on_commit_callbacks, publisher
):
    settings.MODERATION_PURGE_AFTER_DAYS = 7
    settings.MODERATION_PURGE_UNDECIDED_AFTER_DAYS = 45
    sentence = retention_sentence()
    assert sentence == (
        "We delete your email address 7 days after the decision, "
        "or 45 days after you sent it if no decision has been made by then."
    )
    client = Client()
    for url in (reverse("moderation:contribute"), contribute_url("tip"), reverse("privacy")):
        response = client.get(url)
        assertContains(response, sentence)
        for other in OTHER_WORDINGS:
            assertNotContains(response, other)

    submission = make_submission("tip", email="river@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(submission_id=submission.pk, editor=editor, action="reject", public_note="")
    assert sentence in mailoutbox[0].body


def test_the_sentence_matches_what_the_purge_removes(make_submission):
    def sent(*, decided_days_ago=None, sent_days_ago=0):
        submission = make_submission("tip", email="river@example.org", client_hash="a" * 64)
        changes = {"created_at": timezone.now() - timedelta(days=sent_days_ago)}
        if decided_days_ago is not None:
            changes |= {"status": "rejected", "decided_at": timezone.now() - timedelta(days=decided_days_ago)}
        Submission.objects.filter(pk=submission.pk).update(**changes)
        return submission

    decided_31, decided_29 = sent(decided_days_ago=31, sent_days_ago=40), sent(decided_days_ago=29)
    undecided_91, undecided_89 = sent(sent_days_ago=91), sent(sent_days_ago=89)
    assert "30 days after the decision, or 90 days after you sent it" in retention_sentence()

    call_command("purge_contributor_data", stdout=None)

    emails = dict(Submission.objects.values_list("pk", "email"))
    assert emails[decided_31.pk] == "" and emails[undecided_91.pk] == ""
    assert emails[decided_29.pk] == "river@example.org" and emails[undecided_89.pk] == "river@example.org"
