"""PostgreSQL only: pg_trgm, the GIN index on the tsvector, the trigram index.

On any other database this migration does nothing, so the same migration
history applies on SQLite (which uses the fallback search). The model state is
not touched, so `makemigrations --check` stays clean on both.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_term_trigram_gin ON search_searchterm USING gin (term gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_term_trigram_gin",
    "DROP INDEX IF EXISTS search_entry_vector_gin",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
