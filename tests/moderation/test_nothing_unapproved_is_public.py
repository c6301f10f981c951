"""Nothing unapproved is public: not on a page, a feed, the sitemap or search.

Two sources of unapproved text, both carrying a marker: submissions in every
state but approved, and content rows of every searchable kind in every state
that is not public (drafts, unpublished, future-dated, listings with no working
service). Every public URL without parameters is discovered from the URLconf,
so list pages, feeds and sitemaps that the apps add are checked automatically.
"""

import datetime

import pytest
from django.db.models import Q
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from charities.models import Service
from moderation import services
from tests import factories
from withdrawal_site.search.models import SearchEntry

pytestmark = pytest.mark.django_db

MARKER = "Zqxj7unpublishedmarker"
# What the contributors wrote: the marker and the field it was written in. The
# search page echoing the bare query back is not a leak.
NEEDLES = [
    f"{MARKER} {field}"
    for field in ("title", "name", "body", "summary", "description", "pseudonym", "correction", "note")
]
PRIVATE_PREFIXES = ("admin/", "accounts/", "moderation/", "contribute/status/")


def parameterless_paths(patterns=None, prefix=""):
    """Every route in the URLconf that takes no arguments."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern)
        if getattr(pattern.pattern, "converters", None) or "<" in route or "(" in route:
            continue
        route = route.lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from parameterless_paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield prefix + route


def public_paths():
    return sorted(
        {"/" + path for path in parameterless_paths() if not path.startswith(PRIVATE_PREFIXES)}
        | {"/search/?q=" + MARKER, "/sitemap.xml"}
    )


@pytest.fixture
def unapproved_everything(editor, correctable_disclaimer, publisher):
    """One submission of every kind in every status but approved, all carrying the marker."""
    content = {
        "title": f"{MARKER} title",
        "name": f"{MARKER} name",
        "body": f"{MARKER} body",
        "summary": f"{MARKER} summary",
        "description": f"{MARKER} description",
        "url": f"https://{MARKER.lower()}.example.org/",
        "kind": "forum",
        "country": "GB",
        "service_type": "helpline",
    }
    made = []
    for kind in ("tip", "experience", "resource", "article", "listing"):
        for outcome in ("pending", "reject", "spam", "request_changes", "withdraw"):
            submission = services.submit(kind=kind, data=content, pseudonym=f"{MARKER} pseudonym")
            if outcome == "withdraw":
                services.withdraw(reference=submission.reference)
            elif outcome != "pending":
                services.decide(submission_id=submission.pk, editor=editor, action=outcome, public_note="n")
            made.append(submission)
    for outcome in ("pending", "reject", "spam"):
        correction = services.submit(
            kind="correction",
            data={
                "changes": {"summary": f"{MARKER} correction"},
                "note": f"{MARKER} note",
                "target_label": "Site",
            },
            target=correctable_disclaimer,
        )
        if outcome != "pending":
            services.decide(submission_id=correction.pk, editor=editor, action=outcome)
        made.append(correction)
    assert publisher.calls == []
    return made


@pytest.fixture
def hidden_content(db):
    """Every searchable kind of content in every state the public must not see, all carrying the marker."""
    marked = {"title": f"{MARKER} title"}
    drug_class = factories.DrugClassFactory(slug="antidepressants")
    made = [
        factories.ArticleFactory(
            **marked, summary=f"{MARKER} summary", body=f"{MARKER} body", status="draft"
        ),
        factories.ArticleFactory(
            **marked,
            summary=f"{MARKER} summary",
            body=f"{MARKER} body",
            published_at=timezone.now() + datetime.timedelta(days=3),
        ),
        factories.DrugFactory(name=f"{MARKER} name", notes=f"{MARKER} body", is_published=False),
        factories.TaperingMethodFactory(
            name=f"{MARKER} name", summary=f"{MARKER} summary", is_published=False
        ),
    ]
    for status in ("draft", "unpublished"):
        made += [
            factories.TipFactory(**marked, body=f"{MARKER} body", status=status, drug_classes=[drug_class]),
            factories.ExperienceFactory(**marked, body=f"{MARKER} body", status=status),
            factories.ResourceLinkFactory(**marked, description=f"{MARKER} description", status=status),
        ]
    for status in (Service.Status.INACTIVE, Service.Status.DEFUNCT):
        service = factories.ServiceFactory(
            organization__name=f"{MARKER} name",
            organization__description=f"{MARKER} description",
            description=f"{MARKER} description",
            status=status,
        )
        factories.ServiceAreaFactory(service=service)
        made.append(service.organization)
    made.append(factories.OrganizationFactory(name=f"{MARKER} name", description=f"{MARKER} description"))
    return made


def test_public_paths_are_discovered():
    paths = public_paths()
    assert "/" in paths and "/contribute/" in paths and "/sitemap.xml" in paths
    assert not any(path.startswith("/moderation/") for path in paths)


def test_unapproved_content_is_on_no_public_page(client, unapproved_everything, hidden_content):
    checked = 0
    for path in public_paths():
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code == 200:
            body = b"".join(response) if response.streaming else response.content
            for needle in NEEDLES:
                assert needle.encode() not in body, (path, needle)
            checked += 1
    assert checked >= 5


def test_hidden_content_has_no_page_of_its_own(client, hidden_content):
    for obj in hidden_content:
        assert client.get(obj.get_absolute_url()).status_code == 404, obj


def test_unapproved_correction_does_not_change_the_live_object(unapproved_everything, correctable_disclaimer):
    correctable_disclaimer.refresh_from_db()
    assert MARKER not in correctable_disclaimer.summary


def test_every_searchable_kind_has_hidden_examples(hidden_content):
    """A newly searchable model must get hidden examples above, or the search test proves nothing for it."""
    from withdrawal_site.search.registry import searchable_models

    kinds = {type(obj) for obj in hidden_content}
    assert searchable_models() and set(searchable_models()) <= kinds


def test_unapproved_content_is_not_searchable(client, unapproved_everything, hidden_content):
    for obj in hidden_content:
        assert obj.search_document() is None, obj
    in_index = Q(title__contains=MARKER) | Q(summary__contains=MARKER) | Q(body__contains=MARKER)
    assert not SearchEntry.objects.filter(in_index).exists()
    response = client.get("/search/", {"q": MARKER})
    assert response.status_code == 200
    for needle in NEEDLES:
        assert needle.encode() not in response.content, needle
