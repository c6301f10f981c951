from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CharitiesConfig(AppConfig):
    """The support directory: charities, helplines, groups and crisis lines."""

    name = "charities"
    verbose_name = _("Support directory")

    def ready(self) -> None:
        from . import signals

        signals.connect()

        from moderation import kinds

        from .contributions import KINDS

        kinds.register(*KINDS)
