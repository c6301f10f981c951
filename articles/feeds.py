from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Article

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Withdrawal Commons: articles")
    subtitle = _("Plain-language articles about reducing and coming off psychiatric drugs.")
    link = reverse_lazy("articles:list")

    def feed_url(self) -> str:
        return reverse("articles:feed")

    def items(self):
        return Article.objects.published()[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        return item.byline or None

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]
