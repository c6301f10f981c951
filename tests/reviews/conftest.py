import pytest
from django.utils import timezone

from tests.factories import AdminFactory, ArticleFactory, DrugClassFactory, DrugFactory, TaperingMethodFactory


@pytest.fixture
def group_admin(db):
    """In the Admins group and nothing more: no superuser flag standing in for the group."""
    return AdminFactory(username="groupadmin", email="ga@example.org")


@pytest.fixture
def drug_class(db):
    return DrugClassFactory(slug="benzodiazepines")


@pytest.fixture
def make_drug(drug_class):
    def make(**fields):
        return DrugFactory(drug_class=drug_class, **fields)

    return make


@pytest.fixture
def make_method(db):
    def make(**fields):
        return TaperingMethodFactory(summary="s", worked_example="w", **fields)

    return make


@pytest.fixture
def make_article(db):
    def make(**fields):
        fields.setdefault("published_at", timezone.now())
        return ArticleFactory(summary="s", body="# One\n\nText.", **fields)

    return make
