"""One "content changed" hook per object per transaction.

Publishing a tip saves it and then sets its drug classes; importing the
directory touches each organisation through dozens of services, phones and
areas. Reacting to every save would write the same search entry many times,
from half-finished objects. Instead every save, delete and many-to-many
change of a public model is only noted here, and when the transaction
commits the de-duplicated set is handed on once: `committed` is sent (the
search index listens) and the page cache's content generation is bumped.

The objects are passed on as primary keys, not instances, so listeners read
them as they were committed, and an object changed in a savepoint that was
rolled back is simply read again as it is.

Writes that send no signals (`QuerySet.update()`, `bulk_create()`) call
`mark()` themselves. The page cache's SQL watcher (page_cache.py) stays as a
safety net for any such write that does not.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps as django_apps
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from withdrawal_site import page_cache

logger = logging.getLogger(__name__)

# Sent once per committed transaction that changed public content, with
# `changes`: {model class: frozenset of primary keys}.
committed = Signal()

# Apps whose own tables are derived (the search index), not content: their
# writes must not start another round.
IGNORED_APPS = frozenset({"search"})

_state = threading.local()


class Pending:
    """The objects changed in one transaction on one connection; runs at its commit."""

    def __init__(self, using: str) -> None:
        self.using = using
        self.changes: dict[type[models.Model], set] = defaultdict(set)

    def __call__(self) -> None:
        if _pending_by_alias().get(self.using) is self:
            del _pending_by_alias()[self.using]
        changes = {model: frozenset(pks) for model, pks in self.changes.items() if pks}
        if changes:
            deliver(changes)


def _pending_by_alias() -> dict[str, Pending]:
    if not hasattr(_state, "pending"):
        _state.pending = {}
    return _state.pending


def _is_scheduled(pending: Pending) -> bool:
    connection = transaction.get_connection(pending.using)
    return any(entry[1] is pending for entry in connection.run_on_commit)


def schedule(pending: Pending) -> None:
    """Run `pending` when the transaction commits (at once outside one)."""
    transaction.on_commit(pending, using=pending.using, robust=True)


def mark(model: type[models.Model], pks: Iterable, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Note that these objects changed; the hook runs once when the transaction commits."""
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return
    model = model._meta.concrete_model if model._meta.proxy else model
    pending = _pending_by_alias().get(using)
    if pending is None or not _is_scheduled(pending):
        pending = Pending(using)
        pending.changes[model].update(pks)
        _pending_by_alias()[using] = pending
        schedule(pending)
        return
    pending.changes[model].update(pks)


def is_pending(model: type[models.Model], pk, *, using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether this object is already noted as changed in the open transaction."""
    pending = _pending_by_alias().get(using)
    return pending is not None and pk in pending.changes.get(model, ()) and _is_scheduled(pending)


def deliver(changes: dict[type[models.Model], frozenset]) -> None:
    """Hand a committed set of changes on: listeners first, then the page cache."""
    for receiver, error in committed.send_robust(sender=None, changes=changes):
        if error is not None:
            logger.error("content_changed receiver %r failed", receiver, exc_info=error)
    page_cache.bump_generation()


# Signals ---------------------------------------------------------------------


def _on_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    # Fixtures (raw saves) may arrive before their relations; rebuild the index afterwards.
    if not raw:
        mark(sender, [instance.pk], using=using)


def _on_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    mark(sender, [instance.pk], using=using)


def _owner_field(through: type[models.Model], owner: type[models.Model]) -> models.Field | None:
    for field in owner._meta.many_to_many:
        if field.remote_field.through is through:
            return field
    return None


def _on_m2m_changed(sender, instance, action, reverse, model, pk_set, using=DEFAULT_DB_ALIAS, **kwargs):
    """Both sides of a changed relation changed: the instance and the related objects.

    A reverse clear (`drug_class.tips.clear()`) names no related objects,
    so they are read just before it.
    """
    if action == "pre_clear" and reverse:
        field = _owner_field(sender, model)
        if field is not None:
            instance._content_changed_cleared = list(
                model._default_manager.using(using)
                .filter(**{field.name: instance})
                .values_list("pk", flat=True)
            )
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    mark(type(instance), [instance.pk], using=using)
    if action == "post_clear":
        related = getattr(instance, "_content_changed_cleared", []) if reverse else []
    else:
        related = pk_set or []
    if related and is_watched(model):
        mark(model, related, using=using)


def is_watched(model: type[models.Model]) -> bool:
    label = model._meta.app_label
    return label in page_cache.invalidating_apps() and label not in IGNORED_APPS


def connect() -> None:
    """Watch every model of the apps that feed public pages (page_cache's list)."""
    for model in django_apps.get_models():
        if not is_watched(model):
            continue
        label = model._meta.label_lower
        post_save.connect(_on_save, sender=model, dispatch_uid=f"content_changed:save:{label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"content_changed:delete:{label}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            if isinstance(through, type):
                # One receiver per through model, shared by every model using it (taggit).
                m2m_changed.connect(
                    _on_m2m_changed,
                    sender=through,
                    dispatch_uid=f"content_changed:m2m:{through._meta.label_lower}",
                )
