"""This app's entries in /sitemap.xml."""

from django.contrib.sitemaps import Sitemap

from .models import Organization


class DirectorySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Organization.objects.listed().order_by("name")

    def lastmod(self, organization: Organization):
        return organization.updated_at


SITEMAPS: dict = {"directory": DirectorySitemap}
