from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WithdrawalSiteConfig(AppConfig):
    """Site-wide pieces: layout, pages, health check, demo loading."""

    name = "withdrawal_site"
    verbose_name = _("Site")

    def ready(self):
        # Any change to public content makes every cached page out of date.
        from . import page_cache

        page_cache.connect_signals()
