"""Editors and Admins may read submissions and the audit log in the admin; nobody edits them there."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

GRANTS = {
    group: [*crud("submission", "view"), *crud("auditlogentry", "view")] for group in ("Editors", "Admins")
}


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "moderation", GRANTS),
            lambda apps, schema_editor: revoke(apps, "moderation", GRANTS),
        )
    ]
