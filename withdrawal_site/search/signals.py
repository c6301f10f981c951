"""Signal handlers that keep the index in step with every registered model.

They run synchronously in the sender's transaction: an object published,
edited, unpublished or deleted inside `transaction.atomic` is updated in the
index in the same transaction.
"""

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import services
from .registry import is_registered


def _uid(kind: str, model: type[models.Model]) -> str:
    return f"search:{kind}:{model._meta.label_lower}"


def _owner_field(through: type[models.Model], owner: type[models.Model]) -> models.Field | None:
    for field in owner._meta.many_to_many:
        if field.remote_field.through is through:
            return field
    return None


def on_save(sender, instance, raw=False, **kwargs):
    # Fixtures (raw saves) may arrive before their relations; rebuild afterwards.
    if raw or not is_registered(sender):
        return
    services.index_object(instance)


def on_delete(sender, instance, **kwargs):
    if is_registered(sender):
        services.remove_object(instance)


def on_m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Reindex the objects whose many-to-many field changed.

    Forward (`drug.drug_classes.add(...)`): the instance. Reverse
    (`drug_class.drug_set.add(drug)`): the objects in pk_set, or for a reverse
    clear, the objects that were related just before it.
    """
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"} and is_registered(type(instance)):
            services.index_object(instance)
        return
    if not is_registered(model):
        return
    if action == "pre_clear":
        field = _owner_field(sender, model)
        if field is not None:
            instance._search_cleared_pks = list(
                model._default_manager.filter(**{field.name: instance}).values_list("pk", flat=True)
            )
        return
    if action == "post_clear":
        pks = getattr(instance, "_search_cleared_pks", [])
    elif action in {"post_add", "post_remove"}:
        pks = pk_set or []
    else:
        return
    for owner in model._default_manager.filter(pk__in=list(pks)):
        services.index_object(owner)


def connect(model: type[models.Model]) -> None:
    post_save.connect(on_save, sender=model, dispatch_uid=_uid("save", model))
    post_delete.connect(on_delete, sender=model, dispatch_uid=_uid("delete", model))
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        if isinstance(through, type):
            # One receiver per through model, shared by every model using it (taggit).
            m2m_changed.connect(on_m2m_changed, sender=through, dispatch_uid=_uid("m2m", through))


def disconnect(model: type[models.Model]) -> None:
    post_save.disconnect(sender=model, dispatch_uid=_uid("save", model))
    post_delete.disconnect(sender=model, dispatch_uid=_uid("delete", model))
