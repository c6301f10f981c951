from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from taxonomy.registry import register_tagged_type
        from withdrawal_site.search.registry import register

        from .models import Article

        register(Article)

        from moderation import kinds

        from .contributions import KINDS

        kinds.register(*KINDS)
        register_tagged_type(Article, label=_("Articles"), list_url_name="articles:list", position=10)
