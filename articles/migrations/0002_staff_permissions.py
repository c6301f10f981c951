"""Editors write and review articles; Admins may also delete them."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

GRANTS = {
    "Editors": crud("article", "view", "add", "change"),
    "Admins": crud("article", "view", "add", "change", "delete"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "articles", GRANTS),
            lambda apps, schema_editor: revoke(apps, "articles", GRANTS),
        )
    ]
