"""'Report a problem with this listing': a field-by-field correction through moderation."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from charities.models import Service
from moderation.models import Submission
from tests.conftest import verified_login
from tests.factories import AdminFactory
from tests.moderation.helpers import aged_token, contribute_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_member(db):
    """A real member of Admins, not a superuser standing in for the group."""
    return AdminFactory(username="groupadmin", email="ga@example.org")


@pytest.fixture
def admin_member_client(admin_member):
    browser = Client()
    verified_login(browser, admin_member)
    return browser


@pytest.fixture
def public():
    return Client()


def propose(public, organization, **new_values) -> Submission:
    target = f"charities.organization.{organization.pk}"
    page = public.get(contribute_url("correction"), {"target": target})
    response = public.post(contribute_url("correction"), correction_post(page, target, **new_values))
    assert response.status_code == 302
    return Submission.objects.filter(kind="correction").latest("pk")


def approve(browser, submission):
    return browser.post(
        reverse("moderation:review", args=[submission.pk]), {"revision": 1, "action": "approve"}
    )


def correction_post(page, target: str, **new_values) -> dict:
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name.startswith("field_")}
    data.update({f"field_{name}": value for name, value in new_values.items()})
    data.update({"note": "The number changed last month.", "target": target, "agree_terms": "on"})
    data["started"] = aged_token()
    return data


def test_a_listing_correction_updates_the_phone_after_approval(client, admin_member_client, make_listing):
    service = make_listing("Quiet Harbour Helpline", phone="0117 966 3629", country="GB")
    organization = service.organization
    detail = client.get(organization.get_absolute_url())
    assertContains(detail, "Report a problem with this listing")
    target = f"charities.organization.{organization.pk}"
    assertContains(detail, f"?target={target}")

    page = client.get(contribute_url("correction"), {"target": target})
    assert page.status_code == 200
    assertContains(page, "+441179663629")  # the current value, prefilled
    response = client.post(contribute_url("correction"), correction_post(page, target, phone="0117 950 0020"))
    assert response.status_code == 302

    correction = Submission.objects.get(kind="correction")
    assert correction.data["changes"] == {"phone": "0117 950 0020"}
    review = admin_member_client.get(reverse("moderation:review", args=[correction.pk]))
    assertContains(review, "+441179663629")  # the diff shows the old value beside the new
    admin_member_client.post(
        reverse("moderation:review", args=[correction.pk]), {"revision": 1, "action": "approve"}
    )

    assert Submission.objects.get(pk=correction.pk).status == "approved"
    assertContains(client.get(organization.get_absolute_url()), 'href="tel:+441179500020"')


def test_an_impossible_phone_in_a_correction_is_refused_at_approval_without_error(
    client, admin_member_client, make_listing
):
    organization = make_listing("Steady Lines", phone="0117 966 3629", country="GB").organization
    target = f"charities.organization.{organization.pk}"
    page = client.get(contribute_url("correction"), {"target": target})
    client.post(contribute_url("correction"), correction_post(page, target, phone="12"))
    correction = Submission.objects.get(kind="correction")

    response = admin_member_client.post(
        reverse("moderation:review", args=[correction.pk]), {"revision": 1, "action": "approve"}
    )
    assert response.status_code in (200, 302, 409)
    assert Submission.objects.get(pk=correction.pk).status == "pending"
    assertContains(client.get(organization.get_absolute_url()), 'href="tel:+441179663629"')


# Issue 11, finding 3: contact details need an Admin, clear verification; crisis lines are reports only.


@pytest.mark.parametrize(
    "change",
    [{"phone": "0117 950 0020"}, {"website": "https://elsewhere.example"}, {"email": "x@elsewhere.example"}],
)
def test_an_editor_cannot_approve_a_change_to_contact_details_and_is_told_why(
    public, editor_client, make_listing, change
):
    service = make_listing("Harbour Line", phone="0117 966 3629", last_verified=datetime.date.today())
    correction = propose(public, service.organization, **change)

    review = editor_client.get(reverse("moderation:review", args=[correction.pk]))
    assertContains(review, "an Admin must decide")
    assertNotContains(review, 'value="approve"')
    response = approve(editor_client, correction)
    assert response.status_code == 409
    assertContains(response, "an Admin must decide", status_code=409)
    assert Submission.objects.get(pk=correction.pk).status == "pending"
    assert Service.objects.get(pk=service.pk).last_verified == datetime.date.today()


def test_an_editor_may_approve_a_correction_that_leaves_contact_details_alone(
    public, editor_client, make_listing
):
    service = make_listing("Harbour Line", phone="0117 966 3629", last_verified=datetime.date.today())
    correction = propose(public, service.organization, description="A calmer description.")
    assert approve(editor_client, correction).status_code == 302
    assert Submission.objects.get(pk=correction.pk).status == "approved"
    assert Service.objects.get(pk=service.pk).last_verified == datetime.date.today()


def test_an_admin_approving_a_contact_change_clears_the_verification(
    public, admin_member_client, make_listing
):
    service = make_listing("Harbour Line", phone="0117 966 3629", last_verified=datetime.date.today())
    correction = propose(public, service.organization, website="https://new.example.org/")
    assert approve(admin_member_client, correction).status_code == 302
    service = Service.objects.get(pk=service.pk)
    assert service.organization.website == "https://new.example.org/"
    assert service.last_verified is None and service.verified_by is None


def test_a_crisis_line_can_be_reported_but_no_one_changes_it_through_a_correction(
    public, admin_member_client, make_listing
):
    service = make_listing(
        "Samaritans Test", phone="116 123", is_crisis_line=True, last_verified=datetime.date.today()
    )
    form = public.get(
        contribute_url("correction"), {"target": f"charities.organization.{service.organization.pk}"}
    )
    assertContains(form, "Your report goes to an Admin")
    correction = propose(public, service.organization, phone="0117 950 0020")  # the report is accepted

    review = admin_member_client.get(reverse("moderation:review", args=[correction.pk]))
    assertContains(review, "crisis line")
    response = approve(admin_member_client, correction)
    assert response.status_code == 409
    service = Service.objects.get(pk=service.pk)
    assert service.phones.get().number == "116123"
    assert service.last_verified == datetime.date.today()
    assert Submission.objects.get(pk=correction.pk).status == "pending"
