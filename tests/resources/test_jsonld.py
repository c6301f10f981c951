"""Drug and method pages' schema.org blocks, whole: what search engines read must not drift."""

import datetime
import json
import re

import pytest

pytestmark = pytest.mark.django_db


def jsonld(response) -> dict:
    (block,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(block)


def test_drug_jsonld_is_the_whole_medical_web_page(client, drug):
    drug.last_reviewed = datetime.date(2026, 3, 1)
    drug.save()
    assert jsonld(client.get(drug.get_absolute_url())) == {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": "Sertraline",
        "url": f"http://testserver{drug.get_absolute_url()}",
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": {
            "@type": "Drug",
            "name": "Sertraline",
            "nonProprietaryName": "Sertraline",
            "alternateName": ["Lustral", "Zoloft"],
            "drugClass": {"@type": "DrugClass", "name": drug.drug_class.name},
        },
        "lastReviewed": "2026-03-01",
        "reviewedBy": {"@type": "Organization", "name": "Withdrawal Commons editors"},
    }


def test_an_unreviewed_drug_has_no_review_in_its_jsonld(client, drug):
    data = jsonld(client.get(drug.get_absolute_url()))
    assert "lastReviewed" not in data and "reviewedBy" not in data


def test_method_jsonld_is_the_whole_howto(client, make_method):
    method = make_method("Liquid titration", summary="Measure <small> doses & mix.")
    assert jsonld(client.get(method.get_absolute_url())) == {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": "Liquid titration",
        "description": "Measure <small> doses & mix.",
        "url": f"http://testserver{method.get_absolute_url()}",
        "step": [
            {"@type": "HowToStep", "position": 1, "text": "Crush the tablet"},
            {"@type": "HowToStep", "position": 2, "text": "Mix with 100 ml of water"},
        ],
    }
