"""Writes with side effects on articles. The moderation app calls `publish_article`."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Article

SLUG_MAX_LENGTH = Article._meta.get_field("slug").max_length


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A slug from the title that no other article has: `title`, `title-2`, `title-3`, ...

    The slug is the article's public address, so a repeated title must never
    overwrite or shadow an existing article.
    """
    base = (slugify(title) or "article")[: SLUG_MAX_LENGTH - 10].strip("-") or "article"
    taken = set(
        Article.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


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
        slug=unique_slug(title),
        summary=summary,
        body=body,
        sources=sources,
        byline=byline,
        status=Article.Status.PUBLISHED,
        published_at=now,
        last_reviewed=timezone.localdate(now),
        reviewed_by=approved_by,
        approved_by=approved_by,
        language=language,
    )
    for _attempt in range(5):
        try:
            # A savepoint, so a slug taken meanwhile by a concurrent approval can be retried.
            with transaction.atomic():
                article.save()
            break
        except IntegrityError:
            article.pk = None
            article._state.adding = True
            article.slug = unique_slug(title)
    else:
        raise IntegrityError("Could not find a free slug for the article.")
    names = [name.strip() for name in tag_names if name and name.strip()]
    if names:
        article.tags.set(names)
    return article
