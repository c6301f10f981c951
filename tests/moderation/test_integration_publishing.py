"""End to end with the real content apps' publishing services.

These skip until the content apps are merged (their services are built on
other branches); after the merge they run the whole path: public form, queue,
approval by an editor, the live object, its page, search, and a correction.
"""

import importlib

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from moderation import publishers
from moderation.models import Submission
from tests.moderation.helpers import contribute_url, form_data

pytestmark = pytest.mark.django_db

REAL_SERVICES = {
    "tip": ("resources.services", "publish_tip"),
    "experience": ("resources.services", "publish_experience"),
    "resource": ("resources.services", "publish_resource_link"),
    "article": ("articles.services", "publish_article"),
    "listing": ("charities.services", "publish_listing"),
}


def require_real_service(kind: str) -> None:
    module_name, function_name = REAL_SERVICES[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        pytest.skip(f"{module_name} is not merged yet")
    if not hasattr(module, function_name):
        pytest.skip(f"{module_name}.{function_name} is not merged yet")


def is_published(obj) -> bool:
    manager = type(obj)._default_manager
    if hasattr(manager, "published"):
        return manager.published().filter(pk=obj.pk).exists()
    return True


def submit_and_approve(client, editor_client, kind):
    response = client.post(contribute_url(kind), form_data(kind, drug_classes=["benzodiazepines"]))
    assert response.status_code == 302
    submission = Submission.objects.get()
    response = editor_client.post(reverse("moderation:review", args=[submission.pk]), {"action": "approve"})
    assert response.status_code == 302, response.content[:2000]
    return Submission.objects.get(pk=submission.pk)


@pytest.mark.parametrize("kind", list(REAL_SERVICES))
def test_real_publisher_creates_one_published_object(client, editor_client, editor, drug_classes, kind):
    require_real_service(kind)
    assert publishers.PUBLISHERS[kind] is getattr(publishers, f"publish_{kind}")  # not patched

    submission = submit_and_approve(client, editor_client, kind)
    assert submission.status == "approved"
    live = submission.published_object
    assert live is not None
    assert is_published(live)
    assert getattr(live, "approved_by", editor) == editor
    if kind == "listing":
        assert getattr(live, "last_verified", None) in (None, "")
    if hasattr(live, "search_document"):
        assert live.search_document() is not None
    if hasattr(live, "get_absolute_url"):
        page = client.get(live.get_absolute_url())
        title = form_data(kind).get("title") or form_data(kind).get("name")
        assertContains(page, title)
        # Every public detail page offers a correction.
        assertContains(page, contribute_url("correction") + "?target=")
    assert type(live)._default_manager.count() >= 1
    # Approving again cannot make a second one.
    editor_client.post(reverse("moderation:review", args=[submission.pk]), {"action": "approve"})
    assert Submission.objects.get(pk=submission.pk).published_object == live


@pytest.mark.parametrize("kind", list(REAL_SERVICES))
def test_pending_submission_creates_nothing(client, drug_classes, kind):
    require_real_service(kind)
    client.post(contribute_url(kind), form_data(kind, drug_classes=["benzodiazepines"]))
    submission = Submission.objects.get()
    assert submission.status == "pending" and submission.published_object is None
    title = form_data(kind).get("title") or form_data(kind).get("name")
    response = client.get(reverse("search:results"), {"q": title})
    assert response.status_code == 200
    assert f"{title}</a>".encode() not in response.content


def test_correction_to_a_real_tip(client, editor_client, editor, drug_classes):
    require_real_service("tip")
    tip = submit_and_approve(client, editor_client, "tip").published_object
    fields = tip.correctable_fields()
    name = "title" if "title" in fields else next(iter(fields))
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
    assert client.post(contribute_url("correction"), post).status_code == 302
    correction = Submission.objects.get(kind="correction")
    assert correction.data["changes"] == {name: "Slow and steady mornings"}

    editor_client.post(reverse("moderation:review", args=[correction.pk]), {"action": "approve"})
    tip.refresh_from_db()
    assert getattr(tip, name) == "Slow and steady mornings"


def test_local_choice_lists_match_the_content_models():
    """forms.py copies two choice lists from the contract; once merged, they must match the models."""
    from moderation.forms import RESOURCE_KIND_CHOICES, SERVICE_TYPE_CHOICES

    resources_models = importlib.import_module("resources.models")
    charities_models = importlib.import_module("charities.models")
    resource_link = getattr(resources_models, "ResourceLink", None)
    service = getattr(charities_models, "Service", None)
    if resource_link is None or service is None:
        pytest.skip("ResourceLink and Service are not merged yet")
    assert [value for value, _label in RESOURCE_KIND_CHOICES] == list(resource_link.Kind.values)
    assert [value for value, _label in SERVICE_TYPE_CHOICES] == list(service.Type.values)
