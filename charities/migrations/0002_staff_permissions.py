"""Admins keep the directory current; Editors may look listings up."""

from django.db import migrations

from withdrawal_site.accounts.permissions import crud, grant, revoke

MODELS = ["organization", "service", "phone", "schedule", "servicearea"]
GRANTS = {
    "Editors": [p for model in MODELS for p in crud(model, "view")],
    "Admins": [p for model in MODELS for p in crud(model, "view", "add", "change", "delete")],
}


class Migration(migrations.Migration):
    dependencies = [
        ("charities", "0001_initial"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "charities", GRANTS),
            lambda apps, schema_editor: revoke(apps, "charities", GRANTS),
        )
    ]
