import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article
from charities.models import Organization
from moderation.models import Submission
from resources.models import Drug, Tip
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model._default_manager.count()
        for model in (Article, Drug, Tip, Organization, Submission, get_user_model())
    }


def test_load_demo_twice_changes_nothing(settings):
    settings.DEBUG = False
    call_command("load_demo")
    first = counts()
    assert first["Article"] >= 8 and first["Drug"] >= 25 and first["Organization"] >= 8
    call_command("load_demo")
    assert counts() == first


def test_no_demo_account_is_created_outside_debug_mode(settings):
    settings.DEBUG = False
    call_command("load_demo")
    assert not get_user_model().objects.filter(username="demo-editor").exists()


def test_debug_mode_gets_a_local_demo_editor(settings, client, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    editor = get_user_model().objects.get(username="demo-editor")
    assert editor.groups.filter(name="Editors").exists() and not editor.is_superuser
    assert "demo-editor / try-the-queue-locally" in capsys.readouterr().out
    assert client.login(username="demo-editor", password="try-the-queue-locally")
    # Like every staff account, the demo editor sets up two-step sign-in first.
    assert client.get("/moderation/")["Location"].startswith("/accounts/two-factor/setup/")
    verified_login(client, editor)
    assert client.get("/moderation/").status_code == 200


def test_demo_content_spells_each_tag_one_way(settings):
    from taggit.models import Tag

    settings.DEBUG = False
    call_command("load_demo")
    slugs = list(Tag.objects.values_list("slug", flat=True))
    assert not [slug for slug in slugs if slug.rsplit("_", 1)[-1].isdigit()], slugs
