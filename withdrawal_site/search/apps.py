from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search index over everything published."""

    name = "withdrawal_site.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Content apps register after this runs, and register() connects
        # their signals itself; this covers any model registered earlier.
        from . import signals
        from .registry import searchable_models

        for model in searchable_models():
            signals.connect(model)
