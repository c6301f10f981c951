"""The drug class table takes this app's name, and its permissions follow it.

Renaming the content type (rather than letting a new one be created) keeps
every group's and user's drug-class permissions and the admin log entries.
"""

from django.db import migrations


def move_content_type(apps, *, from_app: str, to_app: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label=from_app, model="drugclass").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=to_app, model="drugclass").first()
    if new is None:
        old.app_label = to_app
        old.save(update_fields=["app_label"])
        return
    # Both exist (permissions were created for the new app already): move the grants over.
    for permission in Permission.objects.filter(content_type=old):
        target = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if target is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        for group in permission.group_set.all():
            group.permissions.add(target)
        for user in permission.user_set.all():
            user.user_permissions.add(target)
        permission.delete()
    old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("resources", "0007_drugclass_to_taxonomy"),
        ("charities", "0006_drugclass_to_taxonomy"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterModelTable(name="drugclass", table=None),
        migrations.RunPython(
            lambda apps, schema_editor: move_content_type(apps, from_app="resources", to_app="taxonomy"),
            lambda apps, schema_editor: move_content_type(apps, from_app="taxonomy", to_app="resources"),
        ),
    ]
