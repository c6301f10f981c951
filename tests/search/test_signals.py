"""A registered model is indexed on save, delete and M2M change, in its transaction.

auth.Group stands in for a content model (no migrations needed): it gets a
temporary search_document() and is registered for the test only.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from withdrawal_site.search import registry, services
from withdrawal_site.search.documents import SearchDocument
from withdrawal_site.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def group_document(self) -> SearchDocument | None:
    if self.name.startswith("draft"):
        return None
    return SearchDocument(
        kind="article",
        title=self.name,
        url=f"/groups/{self.pk}/",
        body=" ".join(sorted(p.codename for p in self.permissions.all())),
    )


@pytest.fixture
def registered_group(monkeypatch):
    monkeypatch.setattr(Group, "search_document", group_document, raising=False)
    registry.register(Group)
    yield Group
    registry.unregister(Group)


def entry_for(group: Group) -> SearchEntry | None:
    return SearchEntry.objects.filter(**_key_filter(group)).first()


def _key_filter(group):
    key = services.key_for(group)
    return {"content_type_id": key.content_type_id, "object_id": key.object_id}


def test_register_connects_signals_and_save_indexes(registered_group):
    group = Group.objects.create(name="Tapering notes")
    assert registry.is_registered(Group)
    assert entry_for(group).title == "Tapering notes"
    group.name = "Tapering diary"
    group.save()
    assert entry_for(group).title == "Tapering diary"
    assert SearchEntry.objects.count() == 1


def test_unpublishing_removes_and_republishing_restores(registered_group):
    group = Group.objects.create(name="Published")
    group.name = "draft again"
    group.save()
    assert entry_for(group) is None
    group.name = "Published again"
    group.save()
    assert entry_for(group) is not None


def test_delete_removes(registered_group):
    group = Group.objects.create(name="Going away")
    key = _key_filter(group)
    group.delete()
    assert not SearchEntry.objects.filter(**key).exists()


def test_forward_m2m_change_reindexes(registered_group):
    group = Group.objects.create(name="With permissions")
    permission = Permission.objects.get(codename="add_group")
    group.permissions.add(permission)
    assert entry_for(group).body == "add_group"
    group.permissions.remove(permission)
    assert entry_for(group).body == ""
    group.permissions.add(permission)
    group.permissions.clear()
    assert entry_for(group).body == ""


def test_reverse_m2m_change_reindexes(registered_group):
    group = Group.objects.create(name="Reverse side")
    permission = Permission.objects.get(codename="change_group")
    permission.group_set.add(group)
    assert entry_for(group).body == "change_group"
    permission.group_set.clear()
    assert entry_for(group).body == ""


def test_index_change_is_in_the_senders_transaction(registered_group):
    with pytest.raises(RuntimeError), transaction.atomic():
        Group.objects.create(name="Rolled back")
        assert SearchEntry.objects.filter(title="Rolled back").exists()
        raise RuntimeError
    assert not SearchEntry.objects.filter(title="Rolled back").exists()


def test_unregistered_model_is_not_indexed(registered_group):
    registry.unregister(Group)
    Group.objects.create(name="Not searchable")
    assert not SearchEntry.objects.exists()
    registry.register(Group)


def test_fixture_loading_raw_save_is_skipped(registered_group):
    from django.db.models.signals import post_save

    group = Group(pk=999, name="Raw")
    post_save.send(sender=Group, instance=group, created=True, raw=True, using="default")
    assert not SearchEntry.objects.exists()


def test_rebuild_indexes_registered_models(registered_group):
    Group.objects.create(name="First group")
    Group.objects.create(name="draft hidden")
    SearchEntry.objects.all().delete()
    public = Group.objects.exclude(name__startswith="draft")  # the Editors group and friends too
    assert services.rebuild_index() == public.count()
    assert set(SearchEntry.objects.values_list("title", flat=True)) == set(
        public.values_list("name", flat=True)
    )
    assert "First group" in set(SearchEntry.objects.values_list("title", flat=True))
