"""Fixtures for the articles tests: a factory for articles in any state."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

LONG_BODY = """Some opening words about the subject.

# First part

Text of the first part.

# Second part

Text of the second part.

## A detail

More detail.

# Third part

Closing words.
"""


@pytest.fixture
def make_article(db):
    def make(
        *,
        title: str | None = None,
        status: str = Article.Status.PUBLISHED,
        published_at=None,
        tags: list[str] | tuple[str, ...] = (),
        body: str = "A short body of plain words.",
        **fields,
    ) -> Article:
        if title is not None:
            fields["title"] = title
        if published_at is not None:
            fields["published_at"] = published_at
        return ArticleFactory(status=status, body=body, tags=list(tags), **fields)

    return make


@pytest.fixture
def published_article(make_article):
    return make_article(
        title="Why people taper slowly",
        body=LONG_BODY,
        sources="- Horowitz & Taylor, Lancet Psychiatry 2019;6:538-46",
        tags=["tapering", "antidepressants"],
        byline="The editors",
        last_reviewed=timezone.localdate() - timedelta(days=10),
    )


@pytest.fixture
def draft_article(make_article):
    return make_article(title="A secret draft", status=Article.Status.DRAFT, tags=["tapering"])


@pytest.fixture
def future_article(make_article):
    return make_article(
        title="Not yet out", published_at=timezone.now() + timedelta(days=3), tags=["tapering"]
    )
