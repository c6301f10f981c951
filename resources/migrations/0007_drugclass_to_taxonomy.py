"""DrugClass now belongs to taxonomy: the relations follow it; nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0006_merge_20261207_1617"),
        ("taxonomy", "0001_initial"),
        # The directory's services point at DrugClass too; they must move before it leaves here.
        ("charities", "0006_drugclass_to_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="drug",
                    name="drug_class",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="drugs",
                        to="taxonomy.drugclass",
                        verbose_name="drug class",
                    ),
                ),
                migrations.AlterField(
                    model_name="taperingmethod",
                    name="drug_classes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="tapering_methods",
                        to="taxonomy.drugclass",
                        verbose_name="suits these drug classes",
                    ),
                ),
                migrations.AlterField(
                    model_name="tip",
                    name="drug_classes",
                    field=models.ManyToManyField(
                        blank=True, related_name="tips", to="taxonomy.drugclass", verbose_name="drug classes"
                    ),
                ),
                migrations.AlterField(
                    model_name="resourcelink",
                    name="drug_classes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="resource_links",
                        to="taxonomy.drugclass",
                        verbose_name="drug classes",
                    ),
                ),
                migrations.DeleteModel(name="DrugClass"),
            ],
            database_operations=[],
        ),
    ]
