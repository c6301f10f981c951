"""PostgreSQL only: the GIN index on the title-only tsvector (see 0002)."""

from django.db import migrations


def _run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_vector")]

    operations = [
        migrations.RunPython(
            _run("CREATE INDEX IF NOT EXISTS search_entry_title_gin ON search_searchentry USING gin (title_vector)"),
            _run("DROP INDEX IF EXISTS search_entry_title_gin"),
            elidable=False,
        )
    ]
