import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from moderation import demo
from moderation.models import AuditLogEntry, Submission

pytestmark = pytest.mark.django_db


def test_demo_load_is_idempotent_and_only_queues():
    demo.load()
    demo.load()
    assert Submission.objects.count() == len(demo.DEMO_SUBMISSIONS)
    assert set(Submission.objects.values_list("status", flat=True)) == {"pending"}
    assert AuditLogEntry.objects.count() == len(demo.DEMO_SUBMISSIONS)


def test_sitemap_lists_contribute_page_but_no_private_page(client, make_submission):
    submission = make_submission("tip")
    response = client.get("/sitemap.xml")
    assertContains(response, "http://testserver/contribute/</loc>")
    assertNotContains(response, submission.reference)
    assertNotContains(response, "/moderation/")


def test_robots_keeps_private_pages_out(client):
    response = client.get(reverse("robots_txt"))
    assertContains(response, "Disallow: /moderation/")
    assertContains(response, "Disallow: /contribute/status/")
