from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WithdrawalSiteConfig(AppConfig):
    """Site-wide pieces: layout, pages, health check, demo loading."""

    name = "withdrawal_site"
    verbose_name = _("Site")

    def ready(self) -> None:
        # Reliability: a bounded wait on every PostgreSQL round trip (withdrawal_site/db.py).
        from django.conf import settings

        if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
            from .db import install_client_deadline

            install_client_deadline()

        # Any change to public content makes every cached page out of date.
        from . import content_changed, page_cache

        page_cache.connect_signals()
        content_changed.connect()
