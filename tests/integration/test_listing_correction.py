"""'Report a problem with this listing': a field-by-field correction through moderation."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from moderation.models import Submission
from tests.moderation.helpers import aged_token, contribute_url

pytestmark = pytest.mark.django_db


def correction_post(page, target: str, **new_values) -> dict:
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name.startswith("field_")}
    data.update({f"field_{name}": value for name, value in new_values.items()})
    data.update({"note": "The number changed last month.", "target": target, "agree_terms": "on"})
    data["started"] = aged_token()
    return data


def test_a_listing_correction_updates_the_phone_after_approval(client, editor_client, make_listing):
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
    review = editor_client.get(reverse("moderation:review", args=[correction.pk]))
    assertContains(review, "+441179663629")  # the diff shows the old value beside the new
    editor_client.post(reverse("moderation:review", args=[correction.pk]), {"action": "approve"})

    assert Submission.objects.get(pk=correction.pk).status == "approved"
    assertContains(client.get(organization.get_absolute_url()), 'href="tel:+441179500020"')


def test_an_impossible_phone_in_a_correction_is_refused_at_approval_without_error(
    client, editor_client, make_listing
):
    organization = make_listing("Steady Lines", phone="0117 966 3629", country="GB").organization
    target = f"charities.organization.{organization.pk}"
    page = client.get(contribute_url("correction"), {"target": target})
    client.post(contribute_url("correction"), correction_post(page, target, phone="12"))
    correction = Submission.objects.get(kind="correction")

    response = editor_client.post(reverse("moderation:review", args=[correction.pk]), {"action": "approve"})
    assert response.status_code in (200, 302, 409)
    assert Submission.objects.get(pk=correction.pk).status == "pending"
    assertContains(client.get(organization.get_absolute_url()), 'href="tel:+441179663629"')
