"""Writes with side effects on articles. The moderation app calls `publish_article`."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from withdrawal_site.reviewing import next_review_after
from withdrawal_site.slugs import save_with_unique_slug

from .models import Article


@transaction.atomic
def publish_article(
    *,
    title: str,
    summary: str,
    body: str,
    sources: str,
    tag_names: list[str],
    byline: str,
    approved_by,
    language: str = "en",
) -> Article:
    """Create a live, published article from an approved submission.

    The approving editor is recorded as approver and reviewer, with today's
    review date: approval is the review that lets the text go public.
    """
    now = timezone.now()
    article = Article(
        title=title,
        summary=summary,
        body=body,
        sources=sources,
        byline=byline,
        status=Article.Status.PUBLISHED,
        published_at=now,
        last_reviewed=timezone.localdate(now),
        next_review_due=next_review_after(timezone.localdate(now)),
        reviewed_by=approved_by,
        approved_by=approved_by,
        language=language,
    )
    save_with_unique_slug(article, title, fallback="article")
    # A tag needs an address (its slug); one made only of punctuation would have none.
    names = [name.strip() for name in tag_names if name and slugify(name.strip(), allow_unicode=True)]
    if names:
        article.tags.set(names)
    return article


def publish_article_submission(*, data: dict, author_name: str, approved_by, language: str) -> Article:
    """The `publish` of the article contribution kind (articles/contributions.py)."""
    return publish_article(
        title=data["title"],
        summary=data.get("summary", ""),
        body=data["body"],
        sources=data.get("sources", ""),
        tag_names=list(data.get("tags", [])),
        byline=author_name,
        approved_by=approved_by,
        language=language,
    )
