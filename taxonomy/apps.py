from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """What the content apps share without importing each other: drug classes and tags."""

    name = "taxonomy"
    verbose_name = _("Taxonomy")
