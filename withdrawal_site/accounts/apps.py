from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in for volunteer editors and admins, and their groups."""

    name = "withdrawal_site.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
