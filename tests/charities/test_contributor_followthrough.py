"""Contributors and editors see the result (issue 14): links to what was published, labels not values,
text areas for long fields."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from moderation.models import Submission
from resources.models import ResourceLink
from tests.moderation.helpers import contribute_url, form_data, target_ref

pytestmark = pytest.mark.django_db


def review_url(submission) -> str:
    return reverse("moderation:review", args=[submission.pk])


def approve(editor_client, submission, capture):
    with capture(execute=True):
        return editor_client.post(
            review_url(submission), {"revision": submission.revision, "action": "approve"}, follow=True
        )


def test_an_approved_listing_is_linked_from_status_page_email_and_the_editors_message(
    editor_client, drug_classes, mailoutbox, django_capture_on_commit_callbacks
):
    client = Client()
    data = form_data("listing", email="river@example.org", drug_classes=["benzodiazepines"])
    assert client.post(contribute_url("listing"), data).status_code == 302
    submission = Submission.objects.get()

    queue = approve(editor_client, submission, django_capture_on_commit_callbacks)
    organization = Submission.objects.get(pk=submission.pk).published_object
    live = organization.get_absolute_url()
    assertContains(queue, f'<a href="{live}">View it live</a>', html=True)

    status = client.get(submission.get_status_url())
    assertContains(status, f'<a href="{live}">See it on the site</a>', html=True)

    (message,) = mailoutbox
    assert f"It is published here:\nhttp://testserver{live}" in message.body


def test_an_approved_correction_links_to_the_corrected_page(
    editor_client, make_listing, mailoutbox, django_capture_on_commit_callbacks
):
    client = Client()
    organization = make_listing("Taper Line").organization
    response = client.post(
        contribute_url("correction"),
        form_data(
            "listing",
            target=target_ref(organization),
            field_name=organization.name,
            field_description="Volunteers who answer calls about tapering.",
            field_website="",
            field_email="",
            field_phone="",
            field_hours_note="",
            field_area_description="",
            note="Their leaflet says so.",
            email="river@example.org",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    submission = Submission.objects.get()
    assert submission.data["changes"] == {"description": "Volunteers who answer calls about tapering."}

    queue = approve(editor_client, submission, django_capture_on_commit_callbacks)
    page = organization.get_absolute_url()
    assertContains(queue, f'<a href="{page}">View it live</a>', html=True)
    assertContains(client.get(submission.get_status_url()), f'href="{page}"')
    (message,) = mailoutbox
    assert f"http://testserver{page}" in message.body
    assertContains(client.get(page), "Volunteers who answer calls about tapering.")


def test_a_pending_contribution_has_no_published_link(client, drug_classes):
    client.post(contribute_url("listing"), form_data("listing"))
    submission = Submission.objects.get()
    assertNotContains(client.get(submission.get_status_url()), "See it on the site")


def test_the_listing_review_page_shows_labels_not_stored_values(editor_client, drug_classes):
    data = form_data(
        "listing", service_type="peer_support", drug_classes=["benzodiazepines"], languages="cy, pl"
    )
    Client().post(contribute_url("listing"), data)
    review = editor_client.get(review_url(Submission.objects.get())).content.decode()
    for label in ("Peer support group", "United Kingdom", "Welsh, Polish", "Benzodiazepines"):
        assert f"<dd>{label}" in review, label
    for value in ("<dd>peer_support", "<dd>benzodiazepines", "<dd>cy, pl"):
        assert value not in review


def test_long_correction_fields_are_text_areas_even_when_empty(client, make_listing):
    organization = make_listing("Taper Line").organization
    organization.description = ""
    organization.save()
    response = client.get(contribute_url("correction") + f"?target={target_ref(organization)}")
    assertContains(response, 'name="field_description"')
    html = response.content.decode()
    assert '<textarea name="field_description"' in html
    assert '<input type="text" name="field_name"' in html


def test_a_choice_field_is_corrected_by_its_labels(editor_client, monkeypatch):
    monkeypatch.setattr(ResourceLink, "CORRECTABLE_FIELDS", ("title", "url", "description", "kind"))
    link = ResourceLink.objects.create(
        title="A forum", slug="a-forum", url="https://forum.example.org/", kind="forum", status="published"
    )
    client = Client()
    url = contribute_url("correction") + f"?target={target_ref(link)}"
    form_page = client.get(url)
    assertContains(form_page, '<option value="online_group">Online group</option>', html=True)
    assertContains(form_page, '<option value="forum" selected>Forum</option>', html=True)

    response = client.post(
        contribute_url("correction"),
        form_data(
            "listing",
            target=target_ref(link),
            field_title=link.title,
            field_url=link.url,
            field_description="",
            field_kind="online_group",
            note="It moved to a group.",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    submission = Submission.objects.get()
    assert submission.data["changes"] == {"kind": "online_group"}
    review = editor_client.get(review_url(submission))
    assertContains(review, "<ins>Online group</ins>", html=True)
    assertContains(review, "<del>Forum</del>", html=True)
    assertNotContains(review, "<ins>online_group</ins>", html=True)
