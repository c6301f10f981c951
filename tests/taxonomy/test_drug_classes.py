"""Drug classes live in taxonomy: the admin, the lookup the directory's search uses, the move's migration."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from charities.models import Service
from taxonomy.models import DrugClass
from tests.conftest import verified_login
from withdrawal_site import page_cache

pytestmark = pytest.mark.django_db

moving = importlib.import_module("taxonomy.migrations.0002_drugclass_table_and_permissions")


def test_drug_class_table_and_content_type_belong_to_taxonomy():
    assert DrugClass._meta.db_table == "taxonomy_drugclass"
    assert ContentType.objects.get_for_model(DrugClass).app_label == "taxonomy"
    assert not ContentType.objects.filter(app_label="resources", model="drugclass").exists()


def test_editors_and_admins_keep_their_drug_class_permissions(editor, site_admin):
    assert editor.has_perm("taxonomy.change_drugclass")
    assert not editor.has_perm("taxonomy.delete_drugclass")
    assert site_admin.has_perm("taxonomy.delete_drugclass")


def test_editor_reaches_the_drug_class_admin_in_taxonomy(client, editor, drug_class):
    verified_login(client, editor)
    response = client.get(reverse("admin:taxonomy_drugclass_changelist"))
    assert response.status_code == 200
    assert drug_class.name in response.content.decode()


def test_with_drug_named_finds_classes_by_a_public_drugs_name_or_brand(make_drug, drug_class, benzo_class):
    make_drug("Sertraline", drug_class=drug_class, other_names="Lustral, Zoloft")
    make_drug("Diazepam", drug_class=benzo_class, is_published=False)

    assert list(DrugClass.objects.with_drug_named("zoloft")) == [drug_class]
    assert list(DrugClass.objects.with_drug_named("diazepam")) == []
    assert list(DrugClass.objects.with_drug_named("no such drug")) == []


def test_directory_search_by_drug_name_still_finds_the_class_services(make_drug, make_listing, drug_classes):
    make_drug("Sertraline", drug_class=drug_classes["antidepressants"], other_names="Zoloft")
    wanted = make_listing("Antidepressant help", drug_class_slugs=("antidepressants",))
    make_listing("Benzo help", drug_class_slugs=("benzodiazepines",))
    assert list(Service.objects.search("Zoloft")) == [wanted]


def test_moving_the_content_type_renames_it_when_taxonomy_has_none():
    taxonomy_type = ContentType.objects.get(app_label="taxonomy", model="drugclass")
    editors = Group.objects.get(name="Editors")
    taxonomy_type.app_label = "resources"
    taxonomy_type.save()
    ContentType.objects.clear_cache()

    moving.move_content_type(apps, from_app="resources", to_app="taxonomy")

    taxonomy_type.refresh_from_db()
    assert taxonomy_type.app_label == "taxonomy"
    assert editors.permissions.filter(content_type=taxonomy_type, codename="change_drugclass").exists()


def test_moving_the_content_type_merges_grants_when_both_exist():
    old_type = ContentType.objects.create(app_label="resources", model="drugclass")
    old_change = Permission.objects.create(content_type=old_type, codename="change_drugclass", name="old")
    old_custom = Permission.objects.create(content_type=old_type, codename="merge_drugclass", name="custom")
    group = Group.objects.create(name="Reviewers of classes")
    group.permissions.add(old_change, old_custom)

    moving.move_content_type(apps, from_app="resources", to_app="taxonomy")

    assert not ContentType.objects.filter(pk=old_type.pk).exists()
    assert set(group.permissions.values_list("content_type__app_label", "codename")) == {
        ("taxonomy", "change_drugclass"),
        ("taxonomy", "merge_drugclass"),
    }


def test_renaming_a_drug_class_invalidates_cached_pages(client, settings, make_drug, drug_class):
    settings.PAGE_CACHE_ENABLED = True
    make_drug("Sertraline", drug_class=drug_class)
    url = reverse("resources:drug_list")
    client.get(url)
    assert client.get(url)[page_cache.HIT_HEADER] == "hit"

    DrugClass.objects.filter(pk=drug_class.pk).update(name="SSRIs and SNRIs")

    response = client.get(url)
    assert response[page_cache.HIT_HEADER] == "miss"
    assert "SSRIs and SNRIs" in response.content.decode()
