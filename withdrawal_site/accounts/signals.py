"""Security events for every change of groups and permissions, however it is made.

The admin logs who made a change; these catch the rest (shell, commands,
migrations) so no grant of power goes unrecorded.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed

from .security_log import log_event

RECORDED_ACTIONS = {"post_add", "post_remove", "post_clear"}


def _names(model, pk_set) -> list[str]:
    if not pk_set:
        return []
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
    if model is Permission:
        rows = Permission.objects.filter(pk__in=pk_set).values_list("content_type__app_label", "codename")
        return sorted(f"{app}.{codename}" for app, codename in rows)
    return sorted(str(pk) for pk in pk_set)


def on_user_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in RECORDED_ACTIONS:
        return
    if reverse:  # group.user_set.add(...): instance is the group
        for user_pk in pk_set or []:
            log_event("groups_changed", target_user_id=user_pk, action=action, groups=[instance.name])
        return
    log_event("groups_changed", target_user_id=instance.pk, action=action, groups=_names(model, pk_set))


def on_user_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in RECORDED_ACTIONS:
        return
    if reverse:
        for user_pk in pk_set or []:
            log_event(
                "permissions_changed", target_user_id=user_pk, action=action, permissions=[str(instance)]
            )
        return
    log_event(
        "permissions_changed", target_user_id=instance.pk, action=action, permissions=_names(model, pk_set)
    )


def on_group_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in RECORDED_ACTIONS:
        return
    group_name = instance.name if not reverse else ""
    log_event(
        "group_permissions_changed",
        action=action,
        groups=[group_name] if group_name else _names(Group, pk_set),
        permissions=_names(model, pk_set) if not reverse else [str(instance)],
    )


def connect() -> None:
    user_model = get_user_model()
    m2m_changed.connect(
        on_user_groups_changed, sender=user_model.groups.through, dispatch_uid="accounts.security.groups"
    )
    m2m_changed.connect(
        on_user_permissions_changed,
        sender=user_model.user_permissions.through,
        dispatch_uid="accounts.security.user_permissions",
    )
    m2m_changed.connect(
        on_group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid="accounts.security.group_permissions",
    )
