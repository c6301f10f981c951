"""Nothing a contributor wrote is public before approval: not on a page, a feed, the sitemap or search.

Every public URL without parameters is discovered from the URLconf, so list
pages, feeds and sitemaps that the content apps add are checked automatically
once they are merged.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from moderation import services

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


def test_public_paths_are_discovered():
    paths = public_paths()
    assert "/" in paths and "/contribute/" in paths and "/sitemap.xml" in paths
    assert not any(path.startswith("/moderation/") for path in paths)


def test_unapproved_content_is_on_no_public_page(client, unapproved_everything):
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


def test_unapproved_correction_does_not_change_the_live_object(unapproved_everything, correctable_disclaimer):
    correctable_disclaimer.refresh_from_db()
    assert MARKER not in correctable_disclaimer.summary


def test_unapproved_content_is_not_searchable(unapproved_everything):
    from withdrawal_site.search.registry import searchable_models

    for model in searchable_models():
        for obj in model._default_manager.all():
            document = obj.search_document()
            if document is not None:
                assert MARKER not in f"{document.title} {document.summary} {document.body}"
