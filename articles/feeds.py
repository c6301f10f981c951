import re

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Article

FEED_LENGTH = 20

# Characters XML 1.0 cannot carry at all: one stored in a title would break the feed for good.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Withdrawal Commons: articles")
    subtitle = _("Plain-language articles about reducing and coming off psychiatric drugs.")
    link = reverse_lazy("articles:list")

    def feed_url(self) -> str:
        return reverse("articles:feed")

    def items(self):
        return Article.objects.for_list()[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return xml_safe(item.title)

    def item_description(self, item: Article) -> str:
        return xml_safe(item.summary)

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        return xml_safe(item.byline) or None

    def item_categories(self, item: Article) -> list[str]:
        return [xml_safe(tag.name) for tag in item.tags.all() if xml_safe(tag.name)]
