from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Contributions from the public and the editors' queue."""

    name = "moderation"
    verbose_name = _("Moderation")
