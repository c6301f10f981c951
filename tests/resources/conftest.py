"""Fixtures for the tapering-knowledge tests: small builders for each content type."""

import pytest

from resources.models import Drug
from tests.factories import (
    DrugClassFactory,
    DrugFactory,
    ExperienceFactory,
    ResourceLinkFactory,
    TaperingMethodFactory,
    TipFactory,
)


@pytest.fixture
def drug_class(db):
    return DrugClassFactory(slug="antidepressants")


@pytest.fixture
def benzo_class(db):
    return DrugClassFactory(slug="benzodiazepines")


@pytest.fixture
def make_drug(drug_class):
    def make(name=None, *, drug_class=drug_class, **fields):
        if name is not None:
            fields["name"] = name
        return DrugFactory(drug_class=drug_class, **fields)

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
        if name is not None:
            fields["name"] = name
        return TaperingMethodFactory(drug_classes=[drug_class], **fields)

    return make


def _status(published: bool, fields: dict) -> dict:
    return fields if published else {"status": "draft", **fields}


@pytest.fixture
def make_tip(drug_class):
    def make(title=None, *, tags=("sleep",), published=True, **fields):
        if title is not None:
            fields["title"] = title
        return TipFactory(drug_classes=[drug_class], tags=tags, **_status(published, fields))

    return make


@pytest.fixture
def make_experience(drug):
    def make(title=None, *, tags=("tapering",), published=True, drugs=None, **fields):
        if title is not None:
            fields["title"] = title
        return ExperienceFactory(drugs=drugs or [drug], tags=tags, **_status(published, fields))

    return make


@pytest.fixture
def make_link(drug_class):
    def make(title=None, *, tags=("guide",), published=True, **fields):
        if title is not None:
            fields["title"] = title
        return ResourceLinkFactory(drug_classes=[drug_class], tags=tags, **_status(published, fields))

    return make
