"""The public forms: every kind's happy path, and every refusal explains itself and keeps the text."""

import re
import time

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from moderation.forms import form_token_age, new_form_token
from moderation.models import AuditLogEntry, Submission
from tests.moderation.helpers import aged_token, contribute_url, form_data, target_ref

pytestmark = pytest.mark.django_db

KINDS = ["tip", "experience", "resource", "article", "listing"]


def test_landing_page_explains_kinds_moderation_and_email(client):
    response = client.get(reverse("moderation:contribute"))
    assertContains(response, "<h1>Contribute</h1>", html=True)
    for kind in KINDS:
        assertContains(response, f'href="{contribute_url(kind)}"')
    assertContains(response, "How moderation works")
    assertContains(response, "We delete your email address 30 days after the decision, or 90 days after")
    assertContains(response, 'id="terms"')


@pytest.mark.parametrize("kind", KINDS)
def test_each_form_renders_with_honeypot_and_signed_start(client, kind, drug_classes):
    response = client.get(contribute_url(kind))
    assert response.status_code == 200
    assertContains(response, 'name="website_url_confirm"')
    assertContains(response, 'tabindex="-1"')
    assertContains(response, 'class="contribute-trap" aria-hidden="true"')
    assertContains(response, "Leave this field empty")
    assertContains(response, 'name="started"')
    assertContains(response, 'name="agree_terms"')


def test_unknown_kind_is_404(client):
    assert client.get(contribute_url("poem")).status_code == 404
    assert client.post(contribute_url("poem"), {}).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_happy_path_stores_pending_submission_and_shows_status_link(client, kind, drug_classes):
    data = form_data(kind, pseudonym="River", email="river@example.org")
    if kind in ("tip", "resource", "listing"):
        data["drug_classes"] = ["benzodiazepines"]
    response = client.post(contribute_url(kind), data)

    submission = Submission.objects.get()
    assertRedirects(response, reverse("moderation:status", args=[submission.reference]))
    assert submission.kind == kind
    assert submission.status == Submission.Status.PENDING
    assert submission.pseudonym == "River"
    assert submission.email == "river@example.org"
    assert len(submission.client_hash) == 64 and "127.0.0.1" not in submission.client_hash
    assert list(AuditLogEntry.objects.values_list("action", "actor")) == [("submit", None)]

    page = client.get(response.url)
    assertContains(page, "This is your private status link.")
    assertContains(page, submission.reference)
    assertContains(page, "Waiting for review")


def test_stored_data_is_cleaned_per_kind(client, drug_classes):
    client.post(
        contribute_url("experience"), form_data("experience", drugs="Sertraline, diazepam, sertraline")
    )
    client.post(contribute_url("article"), form_data("article"))
    client.post(contribute_url("listing"), form_data("listing", drug_classes=["antidepressants"]))
    client.post(contribute_url("tip"), form_data("tip", drug_classes=["benzodiazepines", "antidepressants"]))
    experience, article, listing, tip = Submission.objects.order_by("pk")
    assert experience.data["drugs"] == ["sertraline", "diazepam"]
    assert article.data["tags"] == ["sleep", "benzodiazepines"]
    assert listing.data["country"] == "GB"
    assert listing.data["languages"] == ["en", "cy"]
    assert listing.data["contact_email"] == "hello@taper-support.example.org"
    assert listing.data["drug_classes"] == ["antidepressants"]
    assert tip.data["drug_classes"] == ["antidepressants", "benzodiazepines"]
    assert tip.data["body"] == "Getting up **slowly** helped with dizziness."


def assert_refused_keeping_text(response, status, text_kept, message=None):
    assert response.status_code == status
    assertContains(response, "Nothing you typed has been lost", status_code=status)
    assertContains(response, text_kept, status_code=status)
    if message:
        assertContains(response, message, status_code=status)
    assert Submission.objects.count() == 0


def test_honeypot_refuses_and_keeps_text(client):
    response = client.post(contribute_url("tip"), form_data("tip", website_url_confirm="http://spam.example"))
    assert_refused_keeping_text(response, 400, "helped with dizziness", "must stay empty")


def test_too_fast_refuses_and_keeps_text(client):
    response = client.post(contribute_url("tip"), form_data("tip", started=new_form_token()))
    assert_refused_keeping_text(response, 400, "helped with dizziness", "That was very quick")


def test_too_fast_then_sent_again_later_succeeds(client):
    token = new_form_token(time.time() - 1)
    assert client.post(contribute_url("tip"), form_data("tip", started=token)).status_code == 400
    # The re-rendered form kept the same start time; a few seconds later it passes.
    response = client.post(contribute_url("tip"), form_data("tip", started=aged_token(4)))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        aged_token()[:-2] + "xx",
        new_form_token(time.time() - 2 * 24 * 3600),
    ],
    ids=["missing", "garbage", "tampered", "expired"],
)
def test_bad_start_time_refuses_keeps_text_and_issues_fresh_token(client, token):
    response = client.post(contribute_url("tip"), form_data("tip", started=token))
    assert_refused_keeping_text(response, 400, "helped with dizziness", "could not be checked")
    fresh = response.context["form"]["started"].value()
    assert fresh != token
    assertContains(response, f'value="{fresh}"', status_code=400)
    assert form_token_age(fresh) is not None and form_token_age(fresh) < 60


def test_missing_terms_tick_is_a_field_error(client):
    response = client.post(contribute_url("tip"), form_data("tip", agree_terms=None))
    assert_refused_keeping_text(response, 400, "helped with dizziness", "Please tick the box")
    assert "agree_terms" in response.context["form"].errors


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("tip", "title", "x" * 201),
        ("tip", "body", "x" * 20_001),
        ("tip", "pseudonym", "x" * 101),
        ("tip", "email", "not-an-email"),
        ("tip", "email", "a" * 250 + "@example.org"),
        ("tip", "website_url_confirm", "x" * 201),
        ("tip", "drug_classes", "no-such-class"),
        ("experience", "drugs", "x," * 300),
        ("experience", "drugs", ",".join(f"drug{n}" for n in range(25))),
        ("resource", "url", "javascript:alert(1)"),
        ("resource", "url", "ftp://example.org/file"),
        ("resource", "url", "https://example.org/" + "x" * 500),
        ("resource", "kind", "podcast"),
        ("resource", "description", "x" * 2001),
        ("article", "summary", "x" * 501),
        ("article", "sources", "x" * 5001),
        ("article", "tags", "x" * 501),
        ("listing", "country", "United Kingdom"),
        ("listing", "country", "1X"),
        ("listing", "service_type", "clinic"),
        ("listing", "languages", "english, español"),
        ("listing", "contact_email", "nope"),
        ("listing", "phone", "1" * 51),
        ("listing", "description", "x" * 5001),
        ("listing", "name", ""),
    ],
)
def test_bad_input_gives_field_errors_never_500(client, drug_classes, kind, field, value):
    response = client.post(contribute_url(kind), form_data(kind, **{field: value}))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assertContains(response, 'class="errorlist"', status_code=400)
    assert Submission.objects.count() == 0


def test_too_many_drug_class_values_is_a_field_error(client, drug_classes):
    response = client.post(contribute_url("tip"), form_data("tip", drug_classes=[f"x{n}" for n in range(30)]))
    assert response.status_code == 400
    assert "drug_classes" in response.context["form"].errors


@pytest.mark.parametrize("kind", KINDS)
def test_empty_post_gives_field_errors(client, kind):
    response = client.post(contribute_url(kind), {})
    assert response.status_code == 400
    assert response.context["form"].errors


def test_rate_limit_refuses_with_429_and_keeps_text(client, settings):
    settings.MODERATION_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(contribute_url("tip"), form_data("tip")).status_code == 302
    response = client.post(contribute_url("tip"), form_data("tip", title="A third tip"))
    assert response.status_code == 429
    assertContains(response, "paused new ones", status_code=429)
    assertContains(response, 'value="A third tip"', status_code=429)
    assert Submission.objects.count() == 2


def test_rate_limit_is_per_client(client, settings):
    settings.MODERATION_RATE_LIMIT = 1
    assert client.post(contribute_url("tip"), form_data("tip"), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(contribute_url("tip"), form_data("tip"), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(contribute_url("tip"), form_data("tip"), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_refused_submissions_do_not_count_towards_the_limit(client, settings):
    settings.MODERATION_RATE_LIMIT = 1
    client.post(contribute_url("tip"), form_data("tip", agree_terms=None))
    assert client.post(contribute_url("tip"), form_data("tip")).status_code == 302


# Corrections ------------------------------------------------------------------


def correction_url(obj) -> str:
    return contribute_url("correction") + f"?target={target_ref(obj)}"


def test_correction_form_shows_current_values(client, correctable_disclaimer):
    response = client.get(correction_url(correctable_disclaimer))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["field_title"].value() == correctable_disclaimer.title
    assert form["field_summary"].value() == correctable_disclaimer.summary
    assertContains(response, "Suggest a correction")
    assertContains(response, f'name="target" value="{target_ref(correctable_disclaimer)}"')


def test_correction_stores_only_changed_fields(client, correctable_disclaimer):
    data = {
        "target": target_ref(correctable_disclaimer),
        "field_title": correctable_disclaimer.title,
        "field_summary": "A better summary.",
        "field_body": correctable_disclaimer.body.replace("\n", "\r\n"),  # as a browser sends it
        "note": "The summary is out of date.",
        "agree_terms": "on",
        "started": aged_token(),
    }
    response = client.post(contribute_url("correction"), data)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.kind == "correction"
    assert submission.target == correctable_disclaimer
    assert submission.data["changes"] == {"summary": "A better summary."}
    assert submission.data["note"] == "The summary is out of date."


def test_correction_needs_a_note(client, correctable_disclaimer):
    response = client.post(
        correction_url(correctable_disclaimer),
        {"target": target_ref(correctable_disclaimer), "field_title": "New", "agree_terms": "on"},
    )
    assert response.status_code == 400
    assert "note" in response.context["form"].errors
    assertContains(response, 'value="New"', status_code=400)


@pytest.mark.parametrize(
    "target",
    [
        "",
        "nonsense",
        "disclaimers.disclaimer",
        "disclaimers.disclaimer.999999",
        "disclaimers.disclaimer.abc",
        "nosuchapp.model.1",
        "auth.user.1",  # exists, but not correctable
        "disclaimers.nosuchmodel.1",
        "a.b.c.d",
        "x" * 500,
    ],
)
def test_bad_correction_target_is_a_friendly_404(client, correctable_disclaimer, editor, target):
    response = client.get(contribute_url("correction") + f"?target={target}")
    assert response.status_code == 404
    assertContains(response, "We could not find that page to correct", status_code=404)
    response = client.post(contribute_url("correction"), {"target": target, "note": "x"})
    assert response.status_code == 404


def test_disclaimer_without_the_contract_is_not_correctable(client):
    """The real Disclaimer does not follow the Correctable contract, so it is not a target."""
    response = client.get(contribute_url("correction") + "?target=disclaimers.disclaimer.1")
    assert response.status_code == 404


def test_unpublished_target_is_404(client, correctable_disclaimer, monkeypatch):
    from withdrawal_site.disclaimers.models import Disclaimer

    monkeypatch.setattr(Disclaimer, "search_document", lambda self: None, raising=False)
    response = client.get(correction_url(correctable_disclaimer))
    assert response.status_code == 404


def test_correction_page_is_not_indexed(client, correctable_disclaimer):
    response = client.get(correction_url(correctable_disclaimer))
    assertContains(response, '<meta name="robots" content="noindex">')
    assertNotContains(response, "<script")


def test_oversized_correction_field_is_a_field_error(client, correctable_disclaimer):
    response = client.post(
        contribute_url("correction"),
        {
            "target": target_ref(correctable_disclaimer),
            "field_summary": "x" * 20_001,
            "note": "n" * 2_001,
            "agree_terms": "on",
            "started": aged_token(),
        },
    )
    assert response.status_code == 400
    assert {"field_summary", "note"} <= set(response.context["form"].errors)
    assert Submission.objects.count() == 0


def test_contribution_in_another_language_records_it(client, settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]  # once es is offered
    response = client.post(contribute_url("tip"), form_data("tip"), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert Submission.objects.get().language == "es"


def test_drug_classes_are_a_labelled_group_of_tick_boxes(client, drug_classes):
    response = client.get(contribute_url("tip"))
    assertContains(response, "<legend>Drug classes this is about</legend>", html=True)
    assert re.search(r'<label for="id_drug_classes_\d+">Benzodiazepines</label>', response.content.decode())
