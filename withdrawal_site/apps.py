from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WithdrawalSiteConfig(AppConfig):
    """Site-wide pieces: layout, pages, health check, demo loading."""

    name = "withdrawal_site"
    verbose_name = _("Site")
