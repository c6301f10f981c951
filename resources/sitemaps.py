"""This app's entries in /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Drug, Experience, ResourceLink, TaperingMethod, Tip


class ResourcePagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> list[str]:
        return [
            "resources:drug_list",
            "resources:method_list",
            "resources:planner",
            "resources:tip_list",
            "resources:experience_list",
            "resources:link_list",
            "resources:benzo_equivalents",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class DrugSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Drug.objects.published().order_by("name")

    def lastmod(self, item):
        return item.updated_at


class MethodSitemap(DrugSitemap):
    def items(self):
        return TaperingMethod.objects.published().order_by("position", "name")


class TipSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Tip.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ExperienceSitemap(TipSitemap):
    def items(self):
        return Experience.objects.published().order_by("pk")


class ResourceLinkSitemap(TipSitemap):
    def items(self):
        return ResourceLink.objects.published().order_by("pk")


SITEMAPS = {
    "resource-pages": ResourcePagesSitemap,
    "drugs": DrugSitemap,
    "tapering-methods": MethodSitemap,
    "tips": TipSitemap,
    "experiences": ExperienceSitemap,
    "resource-links": ResourceLinkSitemap,
}
