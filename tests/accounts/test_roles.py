import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_migrations_grant_editors_content_permissions_but_not_the_directory_or_accounts():
    editors = codenames("Editors")
    assert {"view_article", "add_article", "change_article"} <= editors
    assert {
        "change_drug",
        "change_tip",
        "add_taperingmethod",
        "view_submission",
        "view_auditlogentry",
    } <= editors
    assert "delete_tip" not in editors and "change_auditlogentry" not in editors
    assert "delete_article" not in editors
    assert "view_service" in editors and "change_service" not in editors
    assert "change_disclaimer" not in editors
    assert "change_user" not in editors


def test_migrations_grant_admins_the_directory_disclaimers_and_accounts():
    admins = codenames("Admins")
    assert {"change_service", "delete_organization", "change_disclaimer", "change_user"} <= admins
    assert "delete_disclaimer" not in admins


def test_add_staff_command_creates_an_editor_and_is_idempotent(django_user_model, capsys):
    call_command("add_staff", "volunteer", "v@example.org")
    call_command("add_staff", "volunteer", "v@example.org")
    user = django_user_model.objects.get(username="volunteer")
    assert user.is_staff and not user.is_superuser
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert "changepassword volunteer" in capsys.readouterr().out


def test_add_staff_command_can_create_an_admin(django_user_model):
    call_command("add_staff", "keeper", "k@example.org", "--admin")
    assert django_user_model.objects.get(username="keeper").groups.filter(name="Admins").exists()
