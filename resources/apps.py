from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """Lay tapering knowledge: drugs, methods, tips, experiences, links, planner."""

    name = "resources"
    verbose_name = _("Tapering knowledge")

    def ready(self) -> None:
        from django.db.models import Q

        from moderation import kinds
        from taxonomy.registry import register_drug_lookup, register_tagged_type

        from .contributions import KINDS
        from .models import Drug, Experience, ResourceLink, Tip

        kinds.register(*KINDS)
        register_tagged_type(Tip, label=_("Tips"), list_url_name="resources:tip_list", position=20)
        register_tagged_type(
            Experience, label=_("Experiences"), list_url_name="resources:experience_list", position=30
        )
        register_tagged_type(
            ResourceLink, label=_("Resource links"), list_url_name="resources:link_list", position=40
        )
        register_drug_lookup(
            "resources.Drug",
            lambda text: (
                Drug.objects.published()
                .filter(Q(name__icontains=text) | Q(other_names__icontains=text))
                .values("drug_class_id")
            ),
        )
