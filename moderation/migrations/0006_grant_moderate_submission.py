"""Editors and Admins work the moderation queue: the pages check this permission, not group names."""

from django.db import migrations

from withdrawal_site.accounts.permissions import grant, revoke

GRANTS = {group: ["moderate_submission"] for group in ("Editors", "Admins")}


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0005_moderate_submission_permission_and_registered_kinds"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "moderation", GRANTS),
            lambda apps, schema_editor: revoke(apps, "moderation", GRANTS),
        )
    ]
