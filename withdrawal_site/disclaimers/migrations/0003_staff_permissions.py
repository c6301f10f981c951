"""Admins edit the disclaimer texts; Editors may read them in the admin."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

GRANTS = {
    "Editors": crud("disclaimer", "view"),
    "Admins": crud("disclaimer", "view", "change"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("disclaimers", "0002_default_disclaimers"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "disclaimers", GRANTS),
            lambda apps, schema_editor: revoke(apps, "disclaimers", GRANTS),
        )
    ]
