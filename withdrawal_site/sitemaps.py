from django.contrib.sitemaps import Sitemap
from django.urls import reverse

import articles.sitemaps
import charities.sitemaps
import moderation.sitemaps
import resources.sitemaps


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "about", "privacy", "disclaimers:detail", "charities:crisis"]

    def location(self, item: str) -> str:
        return reverse(item)


def all_sitemaps() -> dict:
    """Site pages plus each app's own SITEMAPS."""
    return {
        "pages": StaticPagesSitemap,
        **articles.sitemaps.SITEMAPS,
        **resources.sitemaps.SITEMAPS,
        **charities.sitemaps.SITEMAPS,
        **moderation.sitemaps.SITEMAPS,
    }
