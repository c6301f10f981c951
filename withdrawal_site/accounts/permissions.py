"""Granting the staff groups their permissions from data migrations.

Each app's migration states what Editors and Admins may do with its own
models, so a new app brings its grants with it. Permissions are normally
created only after every migration has run; `grant` creates them first.
"""

from django.contrib.auth.management import create_permissions


def _ensure_permissions(apps, app_label: str) -> None:
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None


def grant(apps, app_label: str, grants: dict[str, list[str]]) -> None:
    """`grants` maps a group name to permission codenames of `app_label`."""
    _ensure_permissions(apps, app_label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise ValueError(f"No such permissions in {app_label}: {sorted(missing)}")
        group.permissions.add(*permissions)


def revoke(apps, app_label: str, grants: dict[str, list[str]]) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in grants.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


def crud(model_name: str, *actions: str) -> list[str]:
    """`crud("article", "view", "change")` -> ["view_article", "change_article"]."""
    return [f"{action}_{model_name}" for action in actions]
