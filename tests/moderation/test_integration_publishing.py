"""End to end with the real content apps' publishing services: public form,
queue, approval by an editor, the live object, its page, search, a correction."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from charities.models import Organization
from moderation import kinds
from moderation.models import Submission
from resources.models import Experience, ResourceLink, Tip
from tests.moderation.helpers import contribute_url, form_data

pytestmark = pytest.mark.django_db

KINDS = ["tip", "experience", "resource", "article", "listing"]
# What each kind becomes once approved, and the queryset of those the public sees.
LIVE = {
    "tip": (Tip, lambda: Tip.objects.published()),
    "experience": (Experience, lambda: Experience.objects.published()),
    "resource": (ResourceLink, lambda: ResourceLink.objects.published()),
    "article": (Article, lambda: Article.objects.published()),
    "listing": (Organization, lambda: Organization.objects.listed()),
}


def title_of(kind: str) -> str:
    return form_data(kind).get("title") or form_data(kind)["name"]


def search_hit(client, title: str) -> bool:
    response = client.get(reverse("search:results"), {"q": title})
    assert response.status_code == 200
    return f"{title}</a>".encode() in response.content


def submit_and_approve(client, editor_client, kind):
    response = Client().post(contribute_url(kind), form_data(kind, drug_classes=["benzodiazepines"]))
    assert response.status_code == 302
    submission = Submission.objects.get()
    response = editor_client.post(
        reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "approve"}
    )
    assert response.status_code == 302, response.content[:2000]
    return Submission.objects.get(pk=submission.pk)


@pytest.mark.parametrize("kind", KINDS)
def test_real_publisher_creates_one_published_object(client, editor_client, editor, drug_classes, kind):
    registered = kinds.get(kind)
    app = registered.form_class.__module__.split(".")[0]
    assert registered.publish.__module__ == f"{app}.services"  # the app's own service, not patched
    model, public = LIVE[kind]

    submission = submit_and_approve(client, editor_client, kind)
    assert submission.status == "approved"
    live = submission.published_object
    assert isinstance(live, model)
    assert public().filter(pk=live.pk).exists()
    assert live.approved_by == editor
    if kind == "listing":
        services = list(live.services.all())
        assert services and all(service.last_verified is None for service in services)
    assert live.search_document() is not None
    assert search_hit(client, title_of(kind))
    page = client.get(live.get_absolute_url())
    assertContains(page, title_of(kind))
    # Every public detail page offers a correction.
    assertContains(page, contribute_url("correction") + "?target=")
    assert model.objects.count() == 1
    # Approving again cannot make a second one.
    editor_client.post(
        reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "approve"}
    )
    assert Submission.objects.get(pk=submission.pk).published_object == live
    assert model.objects.count() == 1


@pytest.mark.parametrize("kind", KINDS)
def test_pending_submission_creates_nothing(client, drug_classes, kind):
    Client().post(contribute_url(kind), form_data(kind, drug_classes=["benzodiazepines"]))
    submission = Submission.objects.get()
    assert submission.status == "pending" and submission.published_object is None
    model, _public = LIVE[kind]
    assert not model.objects.exists()
    assert not search_hit(client, title_of(kind))


def test_correction_to_a_real_tip(client, editor_client, editor, drug_classes):
    tip = submit_and_approve(client, editor_client, "tip").published_object
    name = "title"
    assert name in tip.correctable_fields()
    target = f"{tip._meta.app_label}.{tip._meta.model_name}.{tip.pk}"

    page = client.get(contribute_url("correction"), {"target": target})
    assert page.status_code == 200
    form = page.context["form"]
    post = {key: form[key].value() or "" for key in form.fields if key.startswith("field_")}
    post.update(
        {
            f"field_{name}": "Slow and steady mornings",
            "note": "Clearer title.",
            "target": target,
            "agree_terms": "on",
            "started": form_data("tip")["started"],
        }
    )
    assert Client().post(contribute_url("correction"), post).status_code == 302
    correction = Submission.objects.get(kind="correction")
    assert correction.data["changes"] == {name: "Slow and steady mornings"}

    editor_client.post(
        reverse("moderation:review", args=[correction.pk]), {"revision": 1, "action": "approve"}
    )
    tip.refresh_from_db()
    assert getattr(tip, name) == "Slow and steady mornings"


def test_listing_preview_shows_the_description_exactly_as_its_page_will(client, editor_client, drug_classes):
    description = "We answer calls **slowly** <b>and kindly</b>."
    data = form_data("listing", drug_classes=["benzodiazepines"], description=description)
    assert Client().post(contribute_url("listing"), data).status_code == 302
    submission = Submission.objects.get()
    preview = editor_client.get(reverse("moderation:review", args=[submission.pk]))
    escaped = "We answer calls **slowly** &lt;b&gt;and kindly&lt;/b&gt;."
    assertContains(preview, escaped)

    editor_client.post(
        reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "approve"}
    )
    organization = Submission.objects.get(pk=submission.pk).published_object
    assertContains(client.get(organization.get_absolute_url()), escaped)
