from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """Lay tapering knowledge: drugs, methods, tips, experiences, links, planner."""

    name = "resources"
    verbose_name = _("Tapering knowledge")
