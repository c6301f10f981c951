"""Admins manage editor accounts (users and their group membership)."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

GRANTS = {"Admins": [*crud("user", "view", "add", "change"), *crud("group", "view")]}


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "auth", GRANTS),
            lambda apps, schema_editor: revoke(apps, "auth", GRANTS),
        )
    ]
