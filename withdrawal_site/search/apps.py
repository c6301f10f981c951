from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search index over everything published."""

    name = "withdrawal_site.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from . import registry, signals

        registry.discover()
        signals.connect()
