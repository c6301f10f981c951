from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Disclaimer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.SlugField(choices=[("site", "Whole site"), ("tapering", "Tapering methods and planner"), ("community", "Community tips and experiences"), ("directory", "Support directory"), ("crisis", "Crisis page")], max_length=40, unique=True, verbose_name="key")),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("summary", models.CharField(help_text="One or two plain sentences, shown in the box on pages.", max_length=300, verbose_name="short version")),
                ("body", models.TextField(verbose_name="full text (Markdown)")),
                ("body_html", models.TextField(editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
            ],
            options={"verbose_name": "disclaimer", "verbose_name_plural": "disclaimers", "ordering": ["key"]},
        ),
    ]
