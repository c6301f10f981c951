"""Editors and Admins record content reviews and read the review log; nobody changes it."""

from django.db import migrations

from withdrawal_site.accounts.permissions import grant, revoke

GRANTS = {
    "Editors": ["record_review", "view_reviewlogentry"],
    "Admins": ["record_review", "view_reviewlogentry"],
}


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_content_review_log"),
        ("accounts", "0001_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, "reviews", GRANTS),
            lambda apps, schema_editor: revoke(apps, "reviews", GRANTS),
        )
    ]
