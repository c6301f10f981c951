"""A contribution keeps its contributor's language: stored, shown to the editor, status page, email."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from moderation.models import Submission
from tests.conftest import verified_login
from tests.moderation.helpers import contribute_url, form_data

pytestmark = pytest.mark.django_db

SUBJECT = "A decision on your contribution to Withdrawal Commons"
PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    f'msgid "{SUBJECT}"\nmsgstr "Una decisión sobre tu aportación a Withdrawal Commons"\n'
)


@pytest.fixture
def spanish_offered(settings, tmp_path):
    """Spanish offered, with a (tiny) compiled catalogue so that the email really is translated."""
    po_path = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    po_path.write_text(PO, encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]
    call_command("compile_translations", "--pure-python")
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]


def test_the_contributors_language_goes_from_the_form_to_the_email(
    spanish_offered, editor, mailoutbox, django_capture_on_commit_callbacks
):
    visitor = Client()
    visitor.get(reverse("choose_language", args=["es"]), {"next": "/es/"})
    form_page = visitor.get(contribute_url("tip"))
    assert '<html lang="es">' in form_page.content.decode()
    visitor.post(contribute_url("tip"), form_data("tip", pseudonym="Río", email="rio@example.org"))
    submission = Submission.objects.get()
    assert submission.language == "es"

    # The status link, opened anywhere (another browser, English), is in the contribution's language.
    status_page = Client().get(submission.get_status_url(), headers={"accept-language": "en"})
    assert '<html lang="es">' in status_page.content.decode()
    assertContains(status_page, '<dd lang="es">Español</dd>', html=True)

    editor_client = verified_login(Client(), editor)
    review = editor_client.get(reverse("moderation:review", args=[submission.pk]))
    assertContains(review, '<dd lang="es">Español</dd>', html=True)
    assert '<html lang="en">' in review.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "reject"}
        )
    assert [message.subject for message in mailoutbox] == [
        "Una decisión sobre tu aportación a Withdrawal Commons"
    ]


def test_an_english_contribution_stays_english(spanish_offered, mailoutbox):
    """Chosen English, Spanish browser: recorded as English, and its status page stays English."""
    chose_english = Client()
    chose_english.get(reverse("choose_language", args=["en"]), {"next": "/"})
    chose_english.post(
        contribute_url("tip"), form_data("tip", email="rio@example.org"), headers={"accept-language": "es"}
    )
    submission = Submission.objects.get()
    assert submission.language == "en"
    page = Client().get(submission.get_status_url(), headers={"accept-language": "es"})
    assertContains(page, '<dd lang="en">English</dd>', html=True)


def test_a_language_not_offered_is_never_recorded(settings, client):
    settings.LANGUAGES = [("en", "English")]
    client.post(contribute_url("tip"), form_data("tip"), headers={"accept-language": "pl"})
    assert Submission.objects.get().language == "en"
