from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclaimersConfig(AppConfig):
    name = "withdrawal_site.disclaimers"
    label = "disclaimers"
    verbose_name = _("Disclaimers")
