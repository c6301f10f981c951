import pytest
from django.template import Context, Template
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.conftest import verified_login
from withdrawal_site.disclaimers.models import Disclaimer

pytestmark = pytest.mark.django_db

REQUIRED_KEYS = {"site", "tapering", "community", "directory", "crisis"}


def test_data_migration_creates_every_required_disclaimer():
    assert set(Disclaimer.objects.values_list("key", flat=True)) >= REQUIRED_KEYS
    for disclaimer in Disclaimer.objects.all():
        assert disclaimer.title and disclaimer.summary and disclaimer.body_html


def test_disclaimer_page_shows_every_text_site_first(client):
    response = client.get(reverse("disclaimers:detail"))
    content = response.content.decode()
    assert content.index('id="site"') < content.index('id="tapering"')
    for key in REQUIRED_KEYS:
        assertContains(response, f'id="{key}"')


def test_template_tag_renders_the_box_and_reflects_edits_at_once(django_assert_num_queries):
    template = Template('{% load disclaimers %}{% disclaimer "tapering" %}')
    with django_assert_num_queries(1):
        template.render(Context())
    with django_assert_num_queries(0):  # cached after the first use
        html = template.render(Context())
    assert "About tapering information" in html

    disclaimer = Disclaimer.objects.get(key="tapering", language="en")
    disclaimer.summary = "Edited by an admin."
    disclaimer.save()
    assert "Edited by an admin." in template.render(Context())


def test_unknown_key_renders_nothing():
    assert Template('{% load disclaimers %}{% disclaimer "nope" %}').render(Context()).strip() == ""


def test_markdown_body_is_sanitised_on_save():
    disclaimer = Disclaimer.objects.get(key="site", language="en")
    disclaimer.body = "Hello <script>alert(1)</script> [x](javascript:alert(1))"
    disclaimer.save()
    assert "<script>" not in disclaimer.body_html
    assert "javascript:" not in disclaimer.body_html.split("&lt;")[0]


def test_admins_edit_disclaimers_but_cannot_delete_them(admin_client_):
    disclaimer = Disclaimer.objects.get(key="community", language="en")
    url = reverse("admin:disclaimers_disclaimer_change", args=[disclaimer.pk])
    response = admin_client_.post(
        url,
        {
            "key": "community",
            "language": "en",
            "title": "One person's story",
            "summary": "Short.",
            "body": "Longer **text**.",
        },
    )
    assert response.status_code == 302
    disclaimer.refresh_from_db()
    assert disclaimer.body_html == "<p>Longer <strong>text</strong>.</p>"
    delete_url = reverse("admin:disclaimers_disclaimer_delete", args=[disclaimer.pk])
    assert admin_client_.get(delete_url).status_code == 403


def test_editors_read_but_cannot_edit_disclaimers_and_the_public_cannot_reach_them(
    client, editor, contributor
):
    disclaimer = Disclaimer.objects.get(key="site", language="en")
    change_url = reverse("admin:disclaimers_disclaimer_change", args=[disclaimer.pk])
    assert client.get(change_url).status_code == 302  # anonymous: to the admin login
    client.force_login(contributor)
    assert client.get(change_url).status_code == 302  # not staff: to the admin login
    verified_login(client, editor)
    assert client.get(change_url).status_code == 200  # view permission: read-only form
    response = client.post(change_url, {"key": "site", "title": "Hacked", "summary": "x", "body": "x"})
    assert response.status_code == 403
    disclaimer.refresh_from_db()
    assert disclaimer.title != "Hacked"
