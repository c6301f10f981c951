"""Editors write and correct tapering knowledge; Admins may also delete it."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

MODELS = ["drugclass", "drug", "taperingmethod", "tip", "experience", "resourcelink"]
GRANTS = {
    "Editors": [p for model in MODELS for p in crud(model, "view", "add", "change")],
    "Admins": [p for model in MODELS for p in crud(model, "view", "add", "change", "delete")],
}


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_drugs_methods_community"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "resources", GRANTS),
            lambda apps, schema_editor: revoke(apps, "resources", GRANTS),
        )
    ]
