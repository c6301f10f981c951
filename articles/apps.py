from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from moderation import kinds
        from taxonomy.registry import register_tagged_type

        from .contributions import KINDS
        from .models import Article

        kinds.register(*KINDS)
        register_tagged_type(Article, label=_("Articles"), list_url_name="articles:list", position=10)
