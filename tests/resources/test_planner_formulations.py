"""Drug formulations: the forms a dose can be made from, each with its source and country."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from resources.models import Formulation
from tests.conftest import verified_login
from tests.factories import AdminFactory

pytestmark = pytest.mark.django_db
ADMIN_URL = "/admin/resources/formulation/"


@pytest.fixture
def liquid(drug):
    return Formulation.objects.create(
        drug=drug, kind="liquid", strength_mg=Decimal("20"), volume_ml=Decimal("5"), source="BNF"
    )


def test_a_liquid_reads_as_its_label_does(liquid):
    assert liquid.label == "20 mg in 5 ml oral liquid"


def test_a_liquid_needs_its_volume_and_a_tablet_has_none(drug):
    with pytest.raises(IntegrityError), transaction.atomic():
        Formulation.objects.create(drug=drug, kind="liquid", strength_mg=Decimal("20"), source="BNF")
    with pytest.raises(IntegrityError), transaction.atomic():
        Formulation.objects.create(
            drug=drug, kind="tablet", strength_mg=Decimal("20"), volume_ml=Decimal("5"), source="BNF"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Formulation.objects.create(drug=drug, kind="tablet", strength_mg=Decimal("0"), source="BNF")


def test_for_country_keeps_that_country_and_the_common_forms(drug, liquid):
    us_only = Formulation.objects.create(
        drug=drug, kind="tablet", strength_mg=Decimal("25"), country="US", source="US label"
    )
    assert set(Formulation.objects.for_country("GB")) == {liquid}
    assert set(Formulation.objects.for_country("US")) == {liquid, us_only}
    assert set(Formulation.objects.for_country("")) == {liquid, us_only}


def test_demo_formulations_are_idempotent_sourced_and_unchecked():
    call_command("load_demo", stdout=StringIO())
    count = Formulation.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Formulation.objects.count() == count > 40
    assert not Formulation.objects.filter(source="").exists()
    # Nobody compared them with each product's SmPC, so none claims to have been checked.
    assert not Formulation.objects.exclude(checked_on=None).exists()
    fluoxetine = Formulation.objects.get(drug__slug="fluoxetine", kind="liquid")
    assert (fluoxetine.strength_mg, fluoxetine.volume_ml) == (Decimal("20"), Decimal("5"))
    assert not Formulation.objects.filter(kind="liquid", volume_ml=None).exists()


@pytest.fixture
def admin_group_member(db):
    """A member of the Admins group, staff but not a superuser."""
    return AdminFactory(username="admins-member", email="m@example.org")


def test_permission_ladder(client, contributor, editor, admin_group_member, liquid):
    delete_url = f"{ADMIN_URL}{liquid.pk}/delete/"
    assert client.get(ADMIN_URL).status_code == 302  # anonymous: to the login page
    client.force_login(contributor)
    assert client.get(ADMIN_URL).status_code == 302  # not staff
    verified_login(client, editor)
    assert client.get(ADMIN_URL).status_code == 200
    assert client.get(f"{ADMIN_URL}add/").status_code == 200
    assert client.get(delete_url).status_code == 403
    verified_login(client, admin_group_member)
    assert client.get(delete_url).status_code == 200
