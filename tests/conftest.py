"""Fixtures shared by every test: the four rungs of the permission ladder, the drug classes."""

import pytest
from django.core.cache import cache

from tests import factories
from tests.factories import PASSWORD  # noqa: F401  (tests import it from here)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached disclaimers must not leak from one test to the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    # Page tests (query budgets above all) measure rendering, not the page cache;
    # tests/site/test_page_cache.py switches it back on.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # Production uses hashed names from a manifest that collectstatic writes;
    # tests run without collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def contributor(db):
    """Signed in, but in no staff group: must be treated like the public."""
    return factories.UserFactory(username="contributor", email="c@example.org")


@pytest.fixture
def editor(db):
    """A volunteer editor: staff (to use the admin) in the Editors group, not a superuser."""
    return factories.EditorFactory(username="editor", email="e@example.org")


@pytest.fixture
def second_editor(db):
    return factories.EditorFactory(username="editor2", email="e2@example.org")


@pytest.fixture
def site_admin(db):
    """A real Admin: staff in the Admins group, NOT a superuser (Admins' powers come from the group)."""
    return factories.AdminFactory(username="siteadmin", email="a@example.org")


@pytest.fixture
def superuser(db):
    """The operator's own account: the only one with every power."""
    return factories.SuperuserFactory(username="root", email="root@example.org")


@pytest.fixture
def drug_classes(db):
    """The three canonical drug classes by slug (get_or_create: they may exist already)."""
    return {slug: factories.DrugClassFactory(slug=slug) for slug in factories.DRUG_CLASSES}


def verified_login(client, user):
    """Sign `user` in with their second factor passed, as the admin and moderation pages require.

    Gives the user a confirmed authenticator device if they have none.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def editor_client(client, editor):
    """An editor signed in with their second factor passed."""
    return verified_login(client, editor)


@pytest.fixture
def admin_client_(client, site_admin):
    """A real Admin (not a superuser) signed in with their second factor passed."""
    return verified_login(client, site_admin)


@pytest.fixture
def superuser_client(client, superuser):
    return verified_login(client, superuser)


@pytest.fixture(autouse=True)
def _crisis_snapshot_in_tmp(settings, tmp_path):
    # The crisis page's outage snapshot (charities.crisis_snapshot) is written on every crisis-line
    # change; keep each test's copy out of the working tree.
    settings.CRISIS_SNAPSHOT_PATH = tmp_path / "crisis_snapshot.json"


@pytest.fixture(autouse=True)
def _content_changed_runs_at_the_code_commit(monkeypatch):
    """Run the content-changed hook where the code under test would commit.

    A test's own transaction never commits, so the hook's on_commit callback
    would never run and the search index would never change. Here it runs when
    the outermost atomic block of the code under test ends, or at once outside
    one: what a real commit does in production. Other on_commit callbacks
    (emails, the crisis snapshot) are left for django_capture_on_commit_callbacks.
    """
    from django.db import transaction

    from withdrawal_site import content_changed

    def in_code_transaction(connection) -> bool:
        return any(not block._from_testcase for block in connection.atomic_blocks)

    schedule = content_changed.schedule

    def schedule_in_test(pending):
        if in_code_transaction(transaction.get_connection(pending.using)):
            schedule(pending)
        else:
            pending()

    atomic_exit = transaction.Atomic.__exit__

    def exit_in_test(self, exc_type, exc_value, traceback):
        result = atomic_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if not self._from_testcase and connection.atomic_blocks and not in_code_transaction(connection):
            hooks = connection.run_on_commit
            due = [entry for entry in hooks if isinstance(entry[1], content_changed.Pending)]
            connection.run_on_commit = [entry for entry in hooks if entry not in due]
            for _, pending, _ in due:
                pending()
        return result

    monkeypatch.setattr(content_changed, "schedule", schedule_in_test)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_in_test)
