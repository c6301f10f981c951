from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """Lay tapering knowledge: drugs, methods, tips, experiences, links, planner."""

    name = "resources"
    verbose_name = _("Tapering knowledge")

    def ready(self) -> None:
        from withdrawal_site.search.registry import register

        from .models import Drug, Experience, ResourceLink, TaperingMethod, Tip

        for model in (Drug, TaperingMethod, Tip, Experience, ResourceLink):
            register(model)

        from moderation import kinds

        from .contributions import KINDS

        kinds.register(*KINDS)
