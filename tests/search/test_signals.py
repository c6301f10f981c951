"""Searchable models are discovered, and indexed once per object when their transaction commits.

Real content (tips and their drug classes) stands in for every searchable
model: they all reach the index through the same content-changed hook.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from charities.models import Organization
from resources.models import Drug, DrugClass, Experience, ResourceLink, TaperingMethod, Tip
from withdrawal_site.search import registry, services
from withdrawal_site.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def classes(db):
    return [
        DrugClass.objects.create(name="Antidepressants", slug="antidepressants", position=1),
        DrugClass.objects.create(name="Benzodiazepines", slug="benzodiazepines", position=2),
    ]


def make_tip(title="Keep a symptom diary", **fields) -> Tip:
    fields.setdefault("status", Tip.Status.PUBLISHED)
    fields.setdefault("approved_at", timezone.now())
    slug = title.lower().replace(" ", "-")
    return Tip.objects.create(title=title, slug=slug, body="Write it down.", **fields)


def entry_for(tip: Tip) -> SearchEntry | None:
    key = services.key_for(tip)
    return SearchEntry.objects.filter(content_type_id=key.content_type_id, object_id=key.object_id).first()


def entry_writes(queries) -> int:
    return sum(
        1
        for query in queries
        if '"search_searchentry"' in query["sql"]
        and query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    )


def test_searchable_models_are_the_indexed_ones_found_at_start_up():
    assert set(registry.searchable_models()) == {
        Article,
        Drug,
        TaperingMethod,
        Tip,
        Experience,
        ResourceLink,
        Organization,
    }
    assert not registry.is_searchable(Group)
    assert not hasattr(registry, "register") and not hasattr(registry, "unregister")


def test_a_transaction_writes_the_entry_once_as_committed(classes):
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        tip = make_tip("First title")
        tip.drug_classes.set(classes)
        tip.title = "Final title"
        tip.save()
        assert entry_for(tip) is None  # nothing until the commit
    entry = entry_for(tip)
    assert entry.title == "Final title"
    assert entry.drug_classes == ["antidepressants", "benzodiazepines"]
    assert entry_writes(queries.captured_queries) == 1


def test_unpublishing_removes_and_republishing_restores(classes):
    tip = make_tip()
    assert entry_for(tip) is not None
    tip.status = Tip.Status.UNPUBLISHED
    tip.save()
    assert entry_for(tip) is None
    tip.status = Tip.Status.PUBLISHED
    tip.save()
    assert entry_for(tip).title == "Keep a symptom diary"


def test_delete_removes():
    tip = make_tip()
    key = services.key_for(tip)
    tip.delete()
    assert not SearchEntry.objects.filter(content_type_id=key.content_type_id, object_id=key.object_id)


def test_forward_m2m_change_reindexes(classes):
    tip = make_tip()
    tip.drug_classes.add(classes[0])
    assert entry_for(tip).drug_classes == ["antidepressants"]
    tip.drug_classes.remove(classes[0])
    assert entry_for(tip).drug_classes == []
    tip.drug_classes.add(*classes)
    tip.drug_classes.clear()
    assert entry_for(tip).drug_classes == []


def test_reverse_m2m_change_reindexes(classes):
    tip = make_tip()
    classes[1].tips.add(tip)
    assert entry_for(tip).drug_classes == ["benzodiazepines"]
    classes[1].tips.clear()
    assert entry_for(tip).drug_classes == []


def test_a_rolled_back_transaction_leaves_the_index_alone():
    with pytest.raises(RuntimeError), transaction.atomic():
        make_tip("Rolled back")
        raise RuntimeError
    assert not SearchEntry.objects.filter(title="Rolled back").exists()


def test_a_rolled_back_savepoint_is_read_again_as_committed(classes):
    with transaction.atomic():
        tip = make_tip("Kept")
        with pytest.raises(RuntimeError), transaction.atomic():
            Tip.objects.filter(pk=tip.pk).update(title="Never committed")
            tip.drug_classes.add(classes[0])
            raise RuntimeError
    entry = entry_for(tip)
    assert entry.title == "Kept"
    assert entry.drug_classes == []


def test_fixture_loading_raw_save_is_skipped():
    tip = Tip(pk=999, title="Raw", slug="raw", status=Tip.Status.PUBLISHED)
    post_save.send(sender=Tip, instance=tip, created=True, raw=True, using="default")
    assert not SearchEntry.objects.exists()


def test_a_model_that_is_not_indexed_is_not_indexed():
    Group.objects.create(name="Not searchable")
    DrugClass.objects.create(name="Z-drugs", slug="z-drugs")
    assert not SearchEntry.objects.exists()


def test_rebuild_indexes_the_public_objects_of_every_searchable_model(classes):
    published = make_tip("Published tip")
    published.drug_classes.set(classes)
    make_tip("Hidden tip", status=Tip.Status.UNPUBLISHED)
    SearchEntry.objects.all().delete()
    assert services.rebuild_index() == 1
    assert entry_for(published).drug_classes == ["antidepressants", "benzodiazepines"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_commit_indexes_through_on_commit():
    """The same as above, with real commits (no test transaction around it)."""
    with transaction.atomic():
        tip = make_tip("Committed for real")
        assert entry_for(tip) is None
    assert entry_for(tip).title == "Committed for real"
