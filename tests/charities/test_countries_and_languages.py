"""One country check and one language check, the same in the model, admin, public form, publishing and
import (issue 12): `XX` is refused everywhere, `pt-br` is kept as Portuguese everywhere."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from charities.directory_csv import COLUMNS
from charities.models import EmergencyNumber, Service, ServiceArea
from charities.services import publish_listing
from charities.validation import country_name, split_codes, validate_country_code, validate_language_codes
from moderation.models import Submission
from tests.conftest import verified_login
from tests.moderation.helpers import contribute_url, form_data

pytestmark = pytest.mark.django_db


def test_the_public_listing_form_refuses_an_unknown_country_code(client, drug_classes):
    response = client.post(contribute_url("listing"), form_data("listing", country="XX"))
    assert response.status_code == 400
    assert "country" in response.context["form"].errors
    assertContains(response, "“XX” is not a country code", status_code=400)
    assert not Submission.objects.exists()


def test_the_public_listing_form_keeps_pt_br_as_portuguese(client, drug_classes):
    response = client.post(contribute_url("listing"), form_data("listing", languages="pt-BR, en_GB, pl"))
    assert response.status_code == 302
    assert Submission.objects.get().data["languages"] == ["pt", "en", "pl"]


def test_the_public_listing_form_names_a_code_that_is_no_language(client, drug_classes):
    response = client.post(contribute_url("listing"), form_data("listing", languages="en, klingon"))
    assert response.status_code == 400
    assertContains(response, "Not a language code: klingon", status_code=400)


def listing_arguments(**overrides) -> dict:
    return {
        "name": "Taper Line",
        "description": "A phone line.",
        "website": "https://taper.example.org/",
        "email": "",
        "country": "GB",
        "service_type": Service.Type.HELPLINE,
        "phone": "",
        "area_description": "",
        "drug_class_slugs": [],
        "languages": ["en"],
        "approved_by": None,
        **overrides,
    }


def test_publishing_refuses_an_unknown_country_instead_of_making_it_online(drug_classes):
    with pytest.raises(ValidationError):
        publish_listing(**listing_arguments(country="XX"))
    assert not ServiceArea.objects.exists()


def test_publishing_keeps_pt_br_as_pt(drug_classes):
    organization = publish_listing(**listing_arguments(languages=["pt-br", "EN"]))
    service = organization.services.get()
    assert service.languages == "pt,en"
    assert service.areas.get().country == "GB"


def test_the_models_refuse_an_unknown_country(make_listing):
    service = make_listing("Somewhere")
    with pytest.raises(ValidationError) as refused:
        ServiceArea(service=service, country="XX").full_clean()
    assert "country" in refused.value.message_dict
    with pytest.raises(ValidationError):
        EmergencyNumber(country="XX", number="999", label="Emergency").full_clean()
    ServiceArea(service=service, country="PL").full_clean()


def test_the_admin_refuses_an_unknown_country(client, site_admin):
    verified_login(client, site_admin)
    response = client.post(
        reverse("admin:charities_emergencynumber_add"),
        {"country": "XX", "number": "999", "label": "Emergency", "position": "0"},
    )
    assert response.status_code == 200
    assert "country" in response.context["adminform"].form.errors
    assert not EmergencyNumber.objects.exists()


def test_the_csv_import_uses_the_same_checks(tmp_path, drug_classes):
    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(
            {
                **dict.fromkeys(COLUMNS, ""),
                "organization_name": "Linha de Apoio",
                "organization_url": "https://linha.example.org/",
                "service_type": "helpline",
                "service_description": "A helpline.",
                "service_area_country": "pt",
                "languages": "pt-BR; en",
            }
        )
    call_command("import_directory", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    service = Service.objects.get()
    assert service.languages == "pt,en"
    assert service.areas.get().country == "PT"


@pytest.mark.parametrize("value", ["XX", "UK", "gbr", "1X"])
def test_one_country_validator(value):
    with pytest.raises(ValidationError):
        validate_country_code(value)


def test_one_language_validator_and_normaliser():
    validate_language_codes("en, pt-br; es-419")
    assert split_codes("EN, pt-BR; zh_Hant") == ["en", "pt", "zh"]
    with pytest.raises(ValidationError):
        validate_language_codes(["english"])


def test_country_names_come_translated_from_django_countries():
    assert country_name("GB") == "United Kingdom"
    assert country_name("US") == "United States"
    assert country_name("ZZ") == "ZZ"
    with translation.override("pl"):
        assert country_name("DE") == "Niemcy"
    with translation.override("es"):
        assert country_name("DE") == "Alemania"
