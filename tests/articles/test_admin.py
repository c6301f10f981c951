import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db


def preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def test_staff_can_preview_a_draft(admin_client_, draft_article):
    response = admin_client_.get(preview_url(draft_article))
    assertContains(response, "A secret draft")
    assertContains(response, "Preview.")
    assertContains(response, 'name="robots" content="noindex, nofollow"')


def test_anonymous_and_non_staff_cannot_preview(client, contributor_client, draft_article):
    assert client.get(preview_url(draft_article)).status_code == 302
    response = contributor_client.get(preview_url(draft_article))
    assert response.status_code == 302
    assert "A secret draft" not in response.content.decode()


def test_staff_without_article_permission_is_refused(client, django_user_model, draft_article):
    staff = django_user_model.objects.create_user(
        "plainstaff", "s@example.org", "pw-123456789", is_staff=True
    )
    verified_login(client, staff)
    assert client.get(preview_url(draft_article)).status_code == 403


def test_staff_editor_sees_the_change_form_with_preview_link(client, editor, published_article):
    editor.is_staff = True
    editor.save()
    verified_login(client, editor)
    response = client.get(reverse("admin:articles_article_change", args=[published_article.pk]))
    assertContains(response, preview_url(published_article))
    assertContains(response, 'id="section-first-part"')  # the rendered body, as saved
    assert client.get(preview_url(published_article)).status_code == 200


def test_admin_list_filters_and_search(admin_client_, published_article, draft_article):
    url = reverse("admin:articles_article_changelist")
    response = admin_client_.get(url, {"status__exact": Article.Status.DRAFT})
    assertContains(response, "A secret draft")
    assert "Why people taper slowly" not in response.content.decode()
    response = admin_client_.get(url, {"q": "taper"})
    assertContains(response, "Why people taper slowly")


def test_admin_tag_filter(admin_client_, published_article, make_article):
    make_article(title="Only about support", tags=["support"])
    url = reverse("admin:articles_article_changelist")
    response = admin_client_.get(url, {"tag": "support"})
    assertContains(response, "Only about support")
    assert "Why people taper slowly" not in response.content.decode()
    assertContains(admin_client_.get(url), "?tag=antidepressants")
