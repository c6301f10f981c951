from django.contrib.sitemaps import Sitemap
from django.urls import reverse

import articles.sitemaps
import charities.sitemaps
import moderation.sitemaps
import resources.sitemaps
import taxonomy.sitemaps


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "about", "privacy", "disclaimers:detail", "charities:crisis"]

    def location(self, item: str) -> str:
        return reverse(item)


def in_every_language(sitemap_class: type[Sitemap]) -> type[Sitemap]:
    """The same sitemap, listing each page once per offered language with its hreflang alternates.

    Sitemap reads settings.LANGUAGES when the sitemap is built, so a language that
    becomes complete appears without a code change.
    """
    return type(
        sitemap_class.__name__,
        (sitemap_class,),
        {"i18n": True, "alternates": True, "x_default": True, "__module__": sitemap_class.__module__},
    )


def all_sitemaps() -> dict:
    """Site pages plus each app's own SITEMAPS; the public pages in every offered language.

    The contribution pages have one address in every language, so they are listed once.
    """
    translated = {
        "pages": StaticPagesSitemap,
        **articles.sitemaps.SITEMAPS,
        **resources.sitemaps.SITEMAPS,
        **charities.sitemaps.SITEMAPS,
        **taxonomy.sitemaps.SITEMAPS,
    }
    return {
        **{name: in_every_language(sitemap_class) for name, sitemap_class in translated.items()},
        **moderation.sitemaps.SITEMAPS,
    }
