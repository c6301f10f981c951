import itertools

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article
from resources.models import Drug, DrugClass, TaperingMethod
from withdrawal_site.accounts.roles import ADMINS

_counter = itertools.count(1)


@pytest.fixture
def group_admin(django_user_model):
    """In the Admins group and nothing more: no superuser flag standing in for the group."""
    user = django_user_model.objects.create_user(
        "groupadmin", "ga@example.org", "pw-123456789", is_staff=True
    )
    user.groups.add(Group.objects.get(name=ADMINS))
    return user


@pytest.fixture
def drug_class(db):
    return DrugClass.objects.create(name="Benzodiazepines", slug="benzodiazepines")


@pytest.fixture
def make_drug(drug_class):
    def make(**fields):
        number = next(_counter)
        fields.setdefault("name", f"Reviewdrug {number}")
        fields.setdefault("slug", f"reviewdrug-{number}")
        return Drug.objects.create(drug_class=drug_class, **fields)

    return make


@pytest.fixture
def make_method(db):
    def make(**fields):
        number = next(_counter)
        return TaperingMethod.objects.create(
            name=f"Method {number}", slug=f"method-{number}", summary="s", worked_example="w", **fields
        )

    return make


@pytest.fixture
def make_article(db):
    def make(**fields):
        number = next(_counter)
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now())
        return Article.objects.create(
            title=f"Article {number}", slug=f"article-{number}", summary="s", body="# One\n\nText.", **fields
        )

    return make
