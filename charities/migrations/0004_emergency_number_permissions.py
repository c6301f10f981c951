"""Admins keep the emergency numbers current; Editors may look them up."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

GRANTS = {
    "Editors": crud("emergencynumber", "view"),
    "Admins": crud("emergencynumber", "view", "add", "change", "delete"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("charities", "0003_crisis_lines_sources_and_emergency_numbers"),
        ("accounts", "0001_staff_groups"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "charities", GRANTS),
            lambda apps, schema_editor: revoke(apps, "charities", GRANTS),
        )
    ]
