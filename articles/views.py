from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from taggit.models import Tag

from taxonomy.tags import tags_in_use
from withdrawal_site import jsonld
from withdrawal_site.languages import page_language_first

from .models import Article

ARTICLES_PER_PAGE = 10


@require_safe
def article_list(request: HttpRequest) -> HttpResponse:
    articles = page_language_first(Article.objects.for_list())
    active_tag = None
    tag_slug = request.GET.get("tag", "")
    if tag_slug:
        active_tag = Tag.objects.filter(slug=tag_slug).first()
        if active_tag is None:
            raise Http404("No such tag.")
        articles = articles.tagged(active_tag.slug)
    page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    query_string = urlencode({"tag": active_tag.slug}) if active_tag else ""
    canonical_query = urlencode(
        {
            **({"tag": active_tag.slug} if active_tag else {}),
            **({"page": page_obj.number} if page_obj.number > 1 else {}),
        }
    )
    return render(
        request,
        "articles/list.html",
        {
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "active_tag": active_tag,
            "tags": tags_in_use(Article.objects.published()),
            "query_string": query_string,
            "canonical_url": request.build_absolute_uri(
                reverse("articles:list") + (f"?{canonical_query}" if canonical_query else "")
            ),
        },
    )


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.for_detail(), slug=slug)
    return render_article(request, article)


def render_article(request: HttpRequest, article: Article, *, is_preview: bool = False) -> HttpResponse:
    """The article page; the admin preview uses it too, so editors see what readers will."""
    canonical_url = request.build_absolute_uri(article.get_absolute_url())
    return render(
        request,
        "articles/detail.html",
        {
            "article": article,
            "tags": list(article.tags.all()),
            "toc": article.table_of_contents(),
            "related_articles": list(Article.objects.related_to(article)),
            "other_versions": list(Article.objects.versions_of(article)),
            "canonical_url": canonical_url,
            "jsonld": article_jsonld(article, canonical_url),
            "is_preview": is_preview,
        },
    )


def article_jsonld(article: Article, url: str) -> dict:
    """schema.org MedicalWebPage: what search engines need to show review dates."""
    data = jsonld.medical_web_page(
        name=article.title,
        headline=article.title,
        description=article.summary,
        url=url,
        in_language=article.language,
        publisher=dict(jsonld.PUBLISHER),
        keywords=[tag.name for tag in article.tags.all()],
        dateModified=article.updated_at,
        datePublished=article.published_at or None,
        last_reviewed=article.last_reviewed,
    )
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    return data
