"""What the Admins group may and may not do in the admin, for a real member (staff, not a superuser).

The grants are in each app's staff-permissions migration: Admins keep the
directory, crisis lines and emergency numbers, the disclaimer texts and the
editors' accounts, and may delete content; they read, but never rewrite,
submissions, the audit log and the review log; they never see two-factor
secrets, tags' admin or anyone's journal, and cannot give a group (their own
above all) more permissions. Account rights in detail (superuser flag, own
account, other Admins) are in test_user_admin.py.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from charities.models import EmergencyNumber, Organization, Service
from moderation.models import AuditLogEntry
from tests import factories
from tests.charities.test_relevance_and_completeness import admin_form_data
from withdrawal_site.accounts.roles import ADMINS, EDITORS
from withdrawal_site.disclaimers.models import Disclaimer

pytestmark = pytest.mark.django_db

# (app_label, model_name): (may view the list, may open the add form)
MATRIX = {
    ("articles", "article"): (True, True),
    ("resources", "drug"): (True, True),
    ("taxonomy", "drugclass"): (True, True),
    ("resources", "taperingmethod"): (True, True),
    ("resources", "tip"): (True, True),
    ("resources", "experience"): (True, True),
    ("resources", "resourcelink"): (True, True),
    ("resources", "formulation"): (True, True),
    ("charities", "organization"): (True, True),
    ("charities", "service"): (True, True),
    ("charities", "emergencynumber"): (True, True),
    ("charities", "phone"): (True, False),
    ("disclaimers", "disclaimer"): (True, False),
    ("moderation", "submission"): (True, False),
    ("moderation", "auditlogentry"): (True, False),
    ("reviews", "reviewlogentry"): (True, False),
    ("auth", "user"): (True, True),
    ("auth", "group"): (True, False),
    ("otp_totp", "totpdevice"): (False, False),
    ("otp_static", "staticdevice"): (False, False),
    ("taggit", "tag"): (False, False),
}


def status(allowed: bool) -> int:
    return 200 if allowed else 403


def test_the_matrix_covers_every_model_in_the_admin():
    """A model newly put in the admin must get a row here, so nobody forgets to decide who sees it."""
    registered = {(model._meta.app_label, model._meta.model_name) for model in admin.site._registry}
    assert registered == set(MATRIX)


@pytest.mark.parametrize(("model", "rights"), MATRIX.items(), ids=[".".join(model) for model in MATRIX])
def test_what_an_admin_may_open(admin_client_, model, rights):
    may_view, may_add = rights
    app_label, model_name = model
    changelist = admin_client_.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert changelist.status_code == status(may_view)
    add = admin_client_.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert add.status_code == status(may_add)


def test_the_admin_is_not_a_superuser_and_has_only_what_the_group_grants(site_admin):
    assert not site_admin.is_superuser
    assert not site_admin.user_permissions.exists()
    assert list(site_admin.groups.values_list("name", flat=True)) == [ADMINS]
    assert site_admin.has_perm("charities.change_service")
    assert not site_admin.has_perm("auth.change_group")
    assert not site_admin.has_perm("otp_totp.add_totpdevice")


# --- Allowed: the directory, crisis lines, emergency numbers, disclaimers, deleting content ---------


def test_admin_adds_an_emergency_number(admin_client_):
    response = admin_client_.post(
        reverse("admin:charities_emergencynumber_add"),
        {"country": "GB", "number": "999", "label": "Emergency services", "position": "0"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert EmergencyNumber.objects.filter(country="GB", number="999").exists()


def test_admin_makes_a_listing_a_crisis_line(admin_client_, drug_classes):
    service = factories.ServiceFactory(type=Service.Type.HELPLINE)
    factories.ServiceAreaFactory(service=service)
    factories.PhoneFactory(service=service)
    url = reverse("admin:charities_service_change", args=[service.pk])
    data = admin_form_data(admin_client_, url)
    data["is_crisis_line"] = "on"
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    service.refresh_from_db()
    assert service.is_crisis_line


def test_admin_deletes_an_organisation_and_an_article(admin_client_):
    organization = factories.OrganizationFactory()
    article = factories.ArticleFactory()
    for url in (
        reverse("admin:charities_organization_delete", args=[organization.pk]),
        reverse("admin:articles_article_delete", args=[article.pk]),
    ):
        assert admin_client_.post(url, {"post": "yes"}).status_code == 302
    assert not Organization.objects.filter(pk=organization.pk).exists()
    assert not type(article).objects.filter(pk=article.pk).exists()


def test_admin_edits_a_disclaimer_but_cannot_delete_one(admin_client_):
    disclaimer = Disclaimer.objects.get(key="site", language="en")
    url = reverse("admin:disclaimers_disclaimer_change", args=[disclaimer.pk])
    data = {
        "key": disclaimer.key,
        "language": disclaimer.language,
        "title": disclaimer.title,
        "body": disclaimer.body,
    }
    data["summary"] = "Newer words."
    assert admin_client_.post(url, data).status_code == 302
    disclaimer.refresh_from_db()
    assert disclaimer.summary == "Newer words."
    delete = reverse("admin:disclaimers_disclaimer_delete", args=[disclaimer.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    assert Disclaimer.objects.filter(pk=disclaimer.pk).exists()


# --- Refused: groups, two-factor secrets, the records, journals ------------------------------------


@pytest.mark.parametrize("group_name", [ADMINS, EDITORS])
def test_admin_cannot_give_a_group_more_permissions(admin_client_, group_name):
    group = Group.objects.get(name=group_name)
    before = set(group.permissions.values_list("pk", flat=True))
    url = reverse("admin:auth_group_change", args=[group.pk])
    everything = list(Permission.objects.values_list("pk", flat=True))
    assert admin_client_.post(url, {"name": group.name, "permissions": everything}).status_code == 403
    assert set(group.permissions.values_list("pk", flat=True)) == before
    delete = reverse("admin:auth_group_delete", args=[group.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    assert Group.objects.filter(pk=group.pk).exists()


def test_admin_cannot_create_a_group(admin_client_):
    count = Group.objects.count()
    response = admin_client_.post(reverse("admin:auth_group_add"), {"name": "Powerful", "permissions": []})
    assert response.status_code == 403
    assert Group.objects.count() == count


def test_admin_cannot_give_a_superuser_an_authenticator_or_see_anyones(admin_client_, superuser):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    before = TOTPDevice.objects.filter(user=superuser).count()
    response = admin_client_.post(
        reverse("admin:otp_totp_totpdevice_add"), {"user": superuser.pk, "name": "mine", "confirmed": "on"}
    )
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=superuser).count() == before
    own = TOTPDevice.objects.filter(user__username="siteadmin").get()
    assert admin_client_.get(reverse("admin:otp_totp_totpdevice_change", args=[own.pk])).status_code == 403


def test_admin_reads_submissions_and_the_audit_log_but_cannot_rewrite_them(admin_client_, editor):
    submission = factories.SubmissionFactory()
    entry = AuditLogEntry.objects.filter(submission=submission).first()
    assert entry is not None
    change = reverse("admin:moderation_submission_change", args=[submission.pk])
    assert admin_client_.get(change).status_code == 200  # a read-only view
    assert admin_client_.post(change, {"status": "approved"}).status_code == 403
    submission.refresh_from_db()
    assert submission.status == "pending"
    for url in (
        reverse("admin:moderation_submission_delete", args=[submission.pk]),
        reverse("admin:moderation_auditlogentry_delete", args=[entry.pk]),
    ):
        assert admin_client_.post(url, {"post": "yes"}).status_code == 403
    assert AuditLogEntry.objects.filter(pk=entry.pk).exists()


def test_no_one_reaches_a_journal_through_the_admin(admin_client_):
    from journal.models import Journal

    assert Journal not in admin.site._registry
    assert admin_client_.get("/admin/journal/").status_code == 404
    assert admin_client_.get("/admin/journal/journal/").status_code == 404
    assert b"journal" not in admin_client_.get(reverse("admin:index")).content.lower()
