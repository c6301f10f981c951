"""Fixtures for the tapering-knowledge tests: small builders for each content type."""

import itertools

import pytest
from django.utils import timezone

from resources.models import Drug, DrugClass, Experience, ResourceLink, TaperingMethod, Tip

_counter = itertools.count(1)


@pytest.fixture
def drug_class(db):
    return DrugClass.objects.create(name="Antidepressants", slug="antidepressants", position=1)


@pytest.fixture
def benzo_class(db):
    return DrugClass.objects.create(name="Benzodiazepines", slug="benzodiazepines", position=2)


@pytest.fixture
def make_drug(drug_class):
    def make(name=None, *, drug_class=drug_class, **fields):
        number = next(_counter)
        name = name or f"Drug {number}"
        fields.setdefault("slug", name.lower().replace(" ", "-"))
        fields.setdefault("half_life", "about 26 hours")
        fields.setdefault("half_life_source", "Product SmPC")
        fields.setdefault("sources", "- Product SmPC")
        return Drug.objects.create(name=name, drug_class=drug_class, **fields)

    return make


@pytest.fixture
def drug(make_drug):
    return make_drug(
        "Sertraline",
        other_names="Lustral, Zoloft",
        forms_and_strengths="Tablets 50 mg, 100 mg",
        forms_source="BNF",
        liquid=Drug.Liquid.SOME_COUNTRIES,
    )


@pytest.fixture
def make_method(drug_class):
    def make(name=None, **fields):
        name = name or f"Method {next(_counter)}"
        method = TaperingMethod.objects.create(
            name=name,
            slug=name.lower().replace(" ", "-"),
            summary=fields.pop("summary", "A way to make small doses."),
            worked_example=fields.pop("worked_example", "Take **100 ml**."),
            steps=fields.pop("steps", "Crush the tablet\nMix with 100 ml of water"),
            **fields,
        )
        method.drug_classes.add(drug_class)
        return method

    return make


def _published(**fields):
    return {"status": "published", "approved_at": timezone.now(), **fields}


@pytest.fixture
def make_tip(drug_class):
    def make(title=None, *, tags=("sleep",), published=True, **fields):
        title = title or f"Tip {next(_counter)}"
        body = fields.pop("body", "Rest **well**.")
        extra = _published(**fields) if published else fields
        tip = Tip.objects.create(title=title, body=body, **extra)
        tip.drug_classes.add(drug_class)
        tip.tags.add(*tags)
        return tip

    return make


@pytest.fixture
def make_experience(drug):
    def make(title=None, *, tags=("tapering",), published=True, drugs=None, **fields):
        title = title or f"Experience {next(_counter)}"
        extra = _published(**fields) if published else fields
        experience = Experience.objects.create(
            title=title, body="It took a year.", author_name="Ana", **extra
        )
        experience.drugs.add(*(drugs or [drug]))
        experience.tags.add(*tags)
        return experience

    return make


@pytest.fixture
def make_link(drug_class):
    def make(title=None, *, tags=("guide",), published=True, **fields):
        title = title or f"Link {next(_counter)}"
        fields.setdefault("url", "https://example.org/guide")
        extra = _published(**fields) if published else fields
        link = ResourceLink.objects.create(
            title=title, description="A guide.", kind=ResourceLink.Kind.GUIDE, **extra
        )
        link.drug_classes.add(drug_class)
        link.tags.add(*tags)
        return link

    return make
