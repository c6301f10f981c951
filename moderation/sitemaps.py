"""This app's entries in /sitemap.xml: only the Contribute page; forms and statuses stay unindexed."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ContributeSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self) -> list[str]:
        return ["moderation:contribute"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict = {"contribute": ContributeSitemap}
