"""PostgreSQL only: the unaccent extension and the text search configuration for Polish.

PostgreSQL has no Polish stemmer, so Polish documents and queries use
`wc_simple_unaccent`: the `simple` configuration (lower-casing, no stemming,
no stop words) with accents folded by `unaccent`, so "zmniejszanie" and a
query typed without Polish letters ("zmniejszanie", "zolpidem", "lek") meet.
The same configuration indexes drug names a second time, so a drug is found
by its name in any language whatever the language of the page. Spanish uses
the built-in `spanish` configuration, English `english`.

On any other database this migration does nothing (SQLite uses the fallback
search, which folds accents itself), and the model state is not touched, so
`makemigrations --check` stays clean on both. After migrating an existing
PostgreSQL database, run `manage.py rebuild_search_index` once so documents
already indexed get their language's configuration.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'wc_simple_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION wc_simple_unaccent (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION wc_simple_unaccent
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, simple;
        END IF;
    END
    $$
    """,
]
BACKWARD = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS wc_simple_unaccent"]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgresql_title_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
