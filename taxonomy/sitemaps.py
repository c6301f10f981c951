"""This app's entries in /sitemap.xml: every tag page with published content of any type."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .registry import tagged_types
from .tags import tags_in_use


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        # A tag stored without a slug has no page; it must not break the sitemap.
        return tags_in_use(*(tagged_type.published() for tagged_type in tagged_types())).exclude(slug="")

    def location(self, item) -> str:
        return reverse("taxonomy:tag", args=[item.slug])


SITEMAPS = {"tags": TagSitemap}
