"""The one content-changed hook: noted during a transaction, run once on commit, de-duplicated."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction

from resources.models import DrugClass, Tip
from withdrawal_site import content_changed, page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliveries():
    received = []

    def receiver(sender, *, changes, **kwargs):
        received.append(changes)

    content_changed.committed.connect(receiver, dispatch_uid="test.deliveries")
    yield received
    content_changed.committed.disconnect(dispatch_uid="test.deliveries")


def test_one_delivery_per_transaction_with_each_object_once(deliveries):
    with transaction.atomic():
        first = DrugClass.objects.create(name="Antidepressants", slug="antidepressants")
        second = DrugClass.objects.create(name="Benzodiazepines", slug="benzodiazepines")
        first.name = "Antidepressants (SSRIs)"
        first.save()
        tip = Tip.objects.create(title="A tip", slug="a-tip", status=Tip.Status.PUBLISHED)
        tip.drug_classes.set([first, second])
        assert deliveries == []
    assert deliveries == [{DrugClass: frozenset({first.pk, second.pk}), Tip: frozenset({tip.pk})}]


def test_the_commit_bumps_the_page_cache_generation_once(monkeypatch):
    bumps = []
    monkeypatch.setattr(page_cache, "bump_generation", lambda: bumps.append(1))
    with transaction.atomic():
        for number in range(3):
            DrugClass.objects.create(name=f"Class {number}", slug=f"class-{number}")
        during = len(bumps)  # the SQL watcher's own, at once
    assert len(bumps) == during + 1


def test_a_rolled_back_transaction_delivers_nothing(deliveries):
    with pytest.raises(RuntimeError), transaction.atomic():
        DrugClass.objects.create(name="Gone", slug="gone")
        raise RuntimeError
    assert deliveries == []


def test_private_models_are_not_content(deliveries):
    Group.objects.create(name="Not public content")
    assert deliveries == []


def test_mark_is_how_writes_without_signals_join_in(deliveries):
    drug_class = DrugClass.objects.create(name="Z-drugs", slug="z-drugs")
    deliveries.clear()
    with transaction.atomic():
        DrugClass.objects.filter(pk=drug_class.pk).update(name="Z drugs")
        content_changed.mark(DrugClass, [drug_class.pk])
        assert content_changed.is_pending(DrugClass, drug_class.pk)
    assert deliveries == [{DrugClass: frozenset({drug_class.pk})}]
    assert not content_changed.is_pending(DrugClass, drug_class.pk)


def test_a_failing_listener_neither_breaks_the_commit_nor_the_page_cache(caplog):
    def broken(sender, **kwargs):
        raise RuntimeError("listener down")

    content_changed.committed.connect(broken, dispatch_uid="test.broken")
    try:
        before = cache.get(page_cache.GENERATION_KEY)
        with transaction.atomic():
            DrugClass.objects.create(name="Still saved", slug="still-saved")
    finally:
        content_changed.committed.disconnect(dispatch_uid="test.broken")
    assert DrugClass.objects.filter(slug="still-saved").exists()
    assert cache.get(page_cache.GENERATION_KEY) != before
    assert "content_changed receiver" in caplog.text
