"""Moderation is infrastructure: the content apps register their kinds, moderation imports none of them,
and access to the queue is the `moderate_submission` permission, never a group name."""

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from moderation import kinds, services
from moderation.forms import ContentForm
from moderation.models import Submission
from tests.conftest import verified_login
from tests.moderation.helpers import contribute_url, form_data, published_tips, reload

MODERATION = Path(__file__).resolve().parents[2] / "moderation"
CONTENT_APPS = {"articles", "resources", "charities"}


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_moderation_imports_no_content_app():
    files = sorted(MODERATION.rglob("*.py"))
    assert len(files) > 10  # the walk really found the app
    offenders = {
        str(path.relative_to(MODERATION)): sorted(imported_top_level_modules(path) & CONTENT_APPS)
        for path in files
    }
    assert {path: apps for path, apps in offenders.items() if apps} == {}


def test_the_import_check_can_fail(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from charities import services\n    import resources.models\n")
    assert imported_top_level_modules(module) & CONTENT_APPS == {"charities", "resources"}


def test_every_content_app_registers_its_kinds():
    owners = {kind.key: kind.form_class.__module__ for kind in kinds.all_kinds()}
    assert owners == {
        "tip": "resources.contributions",
        "experience": "resources.contributions",
        "resource": "resources.contributions",
        "article": "articles.contributions",
        "listing": "charities.contributions",
        "correction": "moderation.forms",
    }
    # The stored values and URLs of before the registry, in the same order.
    assert [key for key, _label in Submission._meta.get_field("kind").choices] == [
        "tip",
        "experience",
        "resource",
        "article",
        "listing",
        "correction",
    ]


@pytest.mark.parametrize("key", ["tip", "experience", "resource", "article", "listing", "correction"])
def test_each_kind_is_complete_and_lives_in_its_app(key):
    kind = kinds.get(key)
    app = kind.form_class.__module__.split(".")[0]
    assert issubclass(kind.form_class, ContentForm)
    assert kind.preview_template.startswith(f"{app}/contributions/")
    get_template(kind.preview_template)  # exists and compiles
    assert str(kind.label) and str(kind.description)
    if kind.publish is not None:
        assert kind.publish.__module__ == f"{app}.services"
    assert set(kind.markdown_fields) <= set(kind.form_class.base_fields)
    assert set(kind.markdown_fields) == set(kind.form_class.markdown_fields)


def test_listing_corrections_are_the_directorys():
    from charities.models import Organization

    kind = kinds.for_model(Organization)
    assert kind.key == "listing"
    assert kind.apply_correction.__module__ == "charities.services"
    assert kind.field_permissions["phone"] == "charities.change_phone"


def test_contribute_page_lists_the_public_kinds_with_their_descriptions(client):
    response = client.get(reverse("moderation:contribute"))
    for kind in kinds.public_kinds():
        assertContains(response, contribute_url(kind.key))
        assertContains(response, kind.description)
    assertNotContains(response, contribute_url("correction") + '"')


def test_a_kind_registered_by_another_app_works_end_to_end(editor_client, editor, register_kind):
    """Nothing in moderation names the kind: register one, and it can be sent, previewed and published."""
    from resources.services import publish_tip_submission

    client = Client()  # the public, not the editor's own session

    register_kind(
        "field-note", label="Field note", description="A note from the field.", publish=publish_tip_submission
    )
    page = client.get(reverse("moderation:contribute"))
    assertContains(page, "A note from the field.")
    response = client.post(contribute_url("field-note"), form_data("tip", drug_classes=None))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.kind == "field-note" and submission.get_kind_display() == "Field note"
    assert "<strong>slowly</strong>" in submission.rendered["body"]
    review = editor_client.get(reverse("moderation:review", args=[submission.pk]))
    assertContains(review, "<strong>slowly</strong>")
    editor_client.post(
        reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "approve"}
    )
    assert reload(submission).published_object == published_tips("Slow mornings").get()


def test_a_submission_of_a_kind_no_longer_registered_never_breaks_a_page(
    editor_client, editor, register_kind
):
    client = Client()
    register_kind("retired")
    submission = services.submit(kind="retired", data={"title": "Old", "body": "Kept"})
    kinds.unregister("retired")
    assert editor_client.get(reverse("moderation:queue")).status_code == 200
    review = editor_client.get(reverse("moderation:review", args=[submission.pk]))
    assertContains(review, "Kept")
    response = editor_client.post(
        reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "approve"}
    )
    assert response.status_code == 409
    assert reload(submission).status == "pending"
    assert client.get(submission.get_status_url()).status_code == 200
    assert client.get(contribute_url("retired")).status_code == 404


# Access is a permission ---------------------------------------------------------


@pytest.fixture
def pending(db):
    return services.submit(kind="tip", data={"title": "Slow mornings", "body": "b"})


def moderation_pages(submission):
    return [reverse("moderation:queue"), reverse("moderation:review", args=[submission.pk])]


def test_the_staff_groups_hold_the_permission(editor, site_admin, contributor):
    assert editor.has_perm("moderation.moderate_submission")
    assert site_admin.has_perm("moderation.moderate_submission")
    assert not contributor.has_perm("moderation.moderate_submission")


def test_a_real_editor_can_moderate(client, editor, pending):
    verified_login(client, editor)
    for url in moderation_pages(pending):
        assert client.get(url).status_code == 200, url


def test_a_contributor_cannot_moderate(client, contributor, pending):
    verified_login(client, contributor)
    for url in moderation_pages(pending):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("moderation:review", args=[pending.pk]), {"revision": 1, "action": "approve"}
    )
    assert response.status_code == 403
    assert reload(pending).status == "pending"


def test_a_user_with_only_the_permission_can_moderate(client, django_user_model, pending):
    user = django_user_model.objects.create_user("volunteer", "v@example.org", "x")  # no group, not staff
    user.user_permissions.add(Permission.objects.get(codename="moderate_submission"))
    verified_login(client, user)
    for url in moderation_pages(pending):
        assert client.get(url).status_code == 200, url
    response = client.post(
        reverse("moderation:review", args=[pending.pk]), {"revision": 1, "action": "approve"}
    )
    assert response.status_code == 302
    assert reload(pending).decided_by == user


def test_the_permission_alone_still_needs_the_second_factor(client, django_user_model, pending):
    user = django_user_model.objects.create_user("volunteer", "v@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="moderate_submission"))
    client.force_login(user)  # no second factor
    response = client.get(reverse("moderation:queue"))
    assert response.status_code == 302
    assert "/moderation/" not in response["Location"].split("?")[0]


def test_an_editors_group_without_the_permission_cannot_moderate(client, editor, pending):
    from django.contrib.auth.models import Group

    Group.objects.get(name="Editors").permissions.remove(
        Permission.objects.get(codename="moderate_submission")
    )
    verified_login(client, editor)
    assert client.get(reverse("moderation:queue")).status_code == 403


# One slug-collision rule ---------------------------------------------------------


@pytest.mark.parametrize("key", ["tip", "experience", "resource", "article", "listing"])
def test_every_publisher_retries_a_slug_taken_meanwhile(key, editor, drug_classes):
    """A racing approval takes the chosen slug between choosing and inserting: it is chosen again."""
    from django.db.models.signals import pre_save

    from tests.moderation.helpers import VALID_CONTENT

    kind = kinds.get(key)
    form = kind.form_class(data=VALID_CONTENT[key])
    assert form.is_valid(), form.errors
    first = kind.publish(data=form.to_data(), author_name="A", approved_by=editor, language="en")
    model = type(first)
    raced = []

    def take_the_slug(sender, instance, **kwargs):
        if instance.pk is None and not raced:
            raced.append(instance.slug)
            model._default_manager.filter(pk=first.pk).update(slug=instance.slug)

    pre_save.connect(take_the_slug, sender=model)
    try:
        data = {**form.to_data(), **({"name": "Another line"} if key == "listing" else {})}
        second = kind.publish(data=data, author_name="B", approved_by=editor, language="en")
    finally:
        pre_save.disconnect(take_the_slug, sender=model)
    first.refresh_from_db()
    assert raced and second.pk != first.pk and second.slug != first.slug
