"""DrugClass now belongs to taxonomy: services point there; nothing changes in the database."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("charities", "0005_service_address_and_verification_records"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="service",
                    name="drug_classes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="directory_services",
                        to="taxonomy.drugclass",
                        verbose_name="drug classes",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
