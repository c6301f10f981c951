"""Editors add and correct drug formulations; Admins may also delete them."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

GRANTS = {
    "Editors": crud("formulation", "view", "add", "change"),
    "Admins": crud("formulation", "view", "add", "change", "delete"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0004_drug_formulations"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "resources", GRANTS),
            lambda apps, schema_editor: revoke(apps, "resources", GRANTS),
        )
    ]
