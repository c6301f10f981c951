"""DrugClass moves here from resources: state only, the rows stay where they are.

The table keeps its old name for now (`db_table`); 0002 renames it once every
relation in resources and charities points here.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("resources", "0006_merge_20261207_1617")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DrugClass",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=100, unique=True, verbose_name="slug")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                    ],
                    options={
                        "verbose_name": "drug class",
                        "verbose_name_plural": "drug classes",
                        "ordering": ["position", "name"],
                        "db_table": "resources_drugclass",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
