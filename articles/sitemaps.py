"""This app's entries in /sitemap.xml: the article index, every published article, every tag page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article
from .tagging import tags_with_published_content


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Article.objects.published()

    def lastmod(self, item: Article):
        return item.updated_at


class ArticleIndexSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> list[str]:
        return ["articles:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class TagSitemap(Sitemap):
    """Tag pages with at least one published item of any type."""

    changefreq = "weekly"
    priority = 0.4

    def items(self):
        # A tag stored without a slug has no page; it must not break the sitemap.
        return tags_with_published_content().exclude(slug="")

    def location(self, item) -> str:
        return reverse("articles:tag", args=[item.slug])


SITEMAPS = {"articles": ArticleSitemap, "article_index": ArticleIndexSitemap, "tags": TagSitemap}
