"""History of medical reference data and the directory, its revert, and the audit of admin actions.

Real group members only: an Editor edits drugs and reads the directory, an
Admin keeps the directory. The revert form is posted as the admin renders it.
"""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from charities.models import Organization, Phone, Service
from moderation.models import AuditLogEntry
from resources.models import Drug, Tip

pytestmark = pytest.mark.django_db

Action = AuditLogEntry.Action


class _FormFields(HTMLParser):
    """The values a browser would send for the admin's main form (the one with id `..._form`)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._select = self._textarea = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = (attrs.get("id") or "").endswith("_form")
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if attrs.get("type") in ("checkbox", "radio") else ""
            self.data.setdefault(name, []).append(attrs.get("value", default))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.setdefault(self._textarea, []).append(self._text.removeprefix("\n"))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


def form_data(response) -> dict[str, list[str]]:
    assert response.status_code == 200, response.status_code
    parser = _FormFields()
    parser.feed(response.content.decode())
    assert parser.data, "no admin form on the page"
    return parser.data


def history_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def revert_url(obj, record) -> str:
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, record.history_id]
    )


def edit_in_admin(client, obj, **changes):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url))
    for name, value in changes.items():
        data[name] = [value]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def revert(client, obj, record):
    """Post the revert form exactly as the admin shows it for `record`."""
    url = revert_url(obj, record)
    data = form_data(client.get(url))
    return client.post(url, data)


# --- An Editor on a drug's half-life ---------------------------------------------------------


def test_editor_sees_who_changed_a_half_life_and_reverts_it(editor_client, editor, drug):
    edit_in_admin(editor_client, drug, half_life="about 2 hours")
    drug.refresh_from_db()
    assert drug.half_life == "about 2 hours"

    latest = drug.history.first()
    assert (latest.history_type, latest.history_user, latest.half_life) == ("~", editor, "about 2 hours")
    page = editor_client.get(history_url(drug))
    html = page.content.decode()
    assert page.status_code == 200
    assert "about 26 hours" in html and "about 2 hours" in html  # the difference, old and new
    assert editor.get_username() in html

    original = drug.history.earliest()
    response = revert(editor_client, drug, original)
    assert response.status_code == 302
    drug.refresh_from_db()
    assert drug.half_life == "about 26 hours"
    assert drug.history.count() == 3
    assert drug.history.first().history_user == editor
    entry = AuditLogEntry.objects.get(action=Action.ADMIN_REVERT)
    assert (entry.actor, entry.target_object_id, entry.target_label) == (editor, str(drug.pk), "Sertraline")
    assert entry.submission is None


def test_a_revert_does_not_bring_back_old_review_dates(editor_client, editor, drug):
    import datetime

    original = drug.history.earliest()
    Drug.objects.filter(pk=drug.pk).update(last_reviewed=datetime.date(2026, 11, 1), reviewed_by=editor)
    assert revert(editor_client, drug, original).status_code == 302
    drug.refresh_from_db()
    assert (drug.last_reviewed, drug.reviewed_by) == (datetime.date(2026, 11, 1), editor)


@pytest.mark.parametrize("who", ["anonymous", "contributor"])
def test_the_public_gets_no_history_and_cannot_revert(client, contributor, who, drug):
    if who == "contributor":
        client.force_login(contributor)
    Drug.objects.filter(pk=drug.pk).update(half_life="changed")
    original = drug.history.earliest()
    page = client.get(history_url(drug))
    assert page.status_code == 302 and "/login/" in page["Location"]
    assert client.get(revert_url(drug, original)).status_code == 302
    response = client.post(revert_url(drug, original), {"name": drug.name, "half_life": "about 26 hours"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    drug.refresh_from_db()
    assert drug.half_life == "changed"
    assert not AuditLogEntry.objects.exists()


def test_bad_version_or_object_in_a_history_address_is_not_found(editor_client, drug):
    original = drug.history.earliest()
    base = reverse("admin:resources_drug_changelist")
    for address in (
        f"{base}{drug.pk}/history/999999/",
        f"{base}{drug.pk}/history/x/",
        f"{base}x/history/{original.history_id}/",
        f"{base}x/history/",
        f"{base}999999/history/",
    ):
        assert editor_client.get(address).status_code in (302, 404), address
        assert editor_client.post(address, {"name": "x"}).status_code in (302, 403, 404), address
    drug.refresh_from_db()
    assert drug.name == "Sertraline"


# --- The directory: Admins keep it, Editors may only read it -----------------------------------


def test_admin_changes_an_organisations_phone_and_reverts_it(admin_client_, site_admin, make_listing):
    service = make_listing("Calm Line", phone="0800 123 4567", phone_country="GB")
    phone = service.phones.get()
    first_number = phone.number
    edit_in_admin(admin_client_, phone, number="0800 765 4321")
    phone.refresh_from_db()
    assert phone.number != first_number
    assert phone.history.first().history_user == site_admin

    page = admin_client_.get(history_url(phone))
    assert page.status_code == 200 and site_admin.get_username() in page.content.decode()
    assert revert(admin_client_, phone, phone.history.earliest()).status_code == 302
    phone.refresh_from_db()
    assert phone.number == first_number
    assert AuditLogEntry.objects.filter(action=Action.ADMIN_REVERT, actor=site_admin).count() == 1


def test_a_phone_changed_in_the_service_form_records_who_changed_it(admin_client_, site_admin, make_listing):
    """Inline phones are saved by the formset, not the admin's save_model: the middleware names the user."""
    service = make_listing("Inline Line", phone="0800 123 4567", phone_country="GB")
    phone = service.phones.get()
    url = reverse("admin:charities_service_change", args=[service.pk])
    data = form_data(admin_client_.get(url))
    number_field = next(name for name in data if name.startswith("phones-") and name.endswith("-number"))
    data[number_field] = ["0800 765 4321"]
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    phone.refresh_from_db()
    assert phone.number.endswith("8007654321")
    assert phone.history.first().history_user == site_admin


def test_an_editor_can_read_directory_history_but_not_revert_it(editor_client, make_listing):
    """The library saves a posted revert after checking only view permission: that must not be enough."""
    service = make_listing("Calm Line", phone="0800 123 4567", phone_country="GB")
    organization, phone = service.organization, service.phones.get()
    original_org = organization.history.earliest()
    original_phone = phone.history.earliest()
    Organization.objects.filter(pk=organization.pk).update(website="https://example.org/wrong")
    Phone.objects.filter(pk=phone.pk).update(number="+447700900999")

    assert editor_client.get(history_url(organization)).status_code == 200
    form_page = editor_client.get(revert_url(organization, original_org))
    assert form_page.status_code == 200
    assert 'name="_save"' not in form_page.content.decode()  # no revert button for a reader

    posted = {"name": organization.name, "slug": organization.slug, "website": ""}
    assert editor_client.post(revert_url(organization, original_org), posted).status_code == 403
    assert (
        editor_client.post(revert_url(phone, original_phone), {"number": "0800 123 4567"}).status_code == 403
    )
    organization.refresh_from_db()
    phone.refresh_from_db()
    assert organization.website == "https://example.org/wrong"
    assert phone.number == "+447700900999"
    assert not AuditLogEntry.objects.exists()


def test_editors_cannot_change_a_phone_on_its_own_page(editor_client, make_listing):
    phone = make_listing("Calm Line", phone="0800 123 4567", phone_country="GB").phones.get()
    url = reverse("admin:charities_phone_change", args=[phone.pk])
    assert 'name="_save"' not in editor_client.get(url).content.decode()
    editor_client.post(url, {"number": "0800 000 0000", "type": "voice", "position": "0"})
    phone.refresh_from_db()
    assert phone.number != "+448000000000"


def _history_page_queries(client, obj) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(history_url(obj)).status_code == 200
    return len(captured)


def _add_versions(obj, user, count: int = 20) -> None:
    for number in range(count):
        obj.description = f"version {number}"
        obj._history_user = user
        obj.save()


def test_service_history_queries_do_not_grow_with_versions(admin_client_, site_admin, make_listing):
    service = make_listing("Calm Line", phone="0800 123 4567", phone_country="GB")
    few = _history_page_queries(admin_client_, service)
    _add_versions(service, site_admin)
    assert _history_page_queries(admin_client_, service) <= few + 2


def test_method_history_queries_do_not_grow_with_versions(editor_client, editor, make_method):
    method = make_method("Liquid titration")
    few = _history_page_queries(editor_client, method)
    for number in range(20):
        method.summary = f"version {number}"
        method._history_user = editor
        method.save()
    assert _history_page_queries(editor_client, method) <= few + 2


# --- Admin actions write to the audit log --------------------------------------------------------


def test_publish_and_unpublish_actions_are_audited(editor_client, editor, make_tip):
    draft = make_tip("Draft tip", published=False)
    live = make_tip("Live tip")
    url = reverse("admin:resources_tip_changelist")
    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk, live.pk]})
    draft.refresh_from_db()
    assert draft.status == Tip.Status.PUBLISHED
    published = AuditLogEntry.objects.filter(action=Action.ADMIN_PUBLISH)
    # Only what the action changed: the tip already live is not logged as published again.
    assert [(e.actor, e.target_label) for e in published] == [(editor, "Draft tip")]

    editor_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
    entry = AuditLogEntry.objects.get(action=Action.ADMIN_UNPUBLISH)
    assert (entry.actor, entry.target_object_id, entry.target_content_type.model) == (
        editor,
        str(draft.pk),
        "tip",
    )

    # The editor's own history page lists admin actions beside moderation decisions.
    page = editor_client.get(reverse("moderation:history", args=[editor.get_username()]))
    assert page.status_code == 200
    assert "Draft tip" in page.content.decode()


def test_mark_verified_action_and_button_are_audited(admin_client_, site_admin, make_listing):
    chosen = make_listing("Chosen", phone="0800 123 4567", phone_country="GB")
    admin_client_.post(
        reverse("admin:charities_service_changelist"),
        {"action": "mark_verified_today", "_selected_action": [chosen.pk]},
    )
    entry = AuditLogEntry.objects.get(action=Action.ADMIN_VERIFY)
    assert (entry.actor, entry.target_object_id) == (site_admin, str(chosen.pk))

    url = reverse("admin:charities_service_change", args=[chosen.pk])
    data = form_data(admin_client_.get(url))
    data["verification_note"] = ["phoned them"]
    data["_verified_today"] = ["1"]
    assert admin_client_.post(url, data).status_code == 302
    assert AuditLogEntry.objects.filter(action=Action.ADMIN_VERIFY, note="phoned them").count() == 1


def test_bulk_delete_is_audited(admin_client_, site_admin, make_tip):
    tip = make_tip("Old tip")
    response = admin_client_.post(
        reverse("admin:resources_tip_changelist"),
        {"action": "delete_selected", "_selected_action": [tip.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Tip.objects.filter(pk=tip.pk).exists()
    entry = AuditLogEntry.objects.get(action=Action.ADMIN_DELETE)
    assert (entry.actor, entry.target_label, entry.target_object_id) == (site_admin, "Old tip", str(tip.pk))


def test_admin_audit_entries_stay_append_only(editor, make_tip):
    from moderation.services import record_admin_action

    [entry] = record_admin_action(action=Action.ADMIN_PUBLISH, actor=editor, objects=[make_tip()])
    with pytest.raises(PermissionError):
        AuditLogEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(ValueError):
        record_admin_action(action=Action.APPROVE, actor=editor, objects=[make_tip()])


def test_a_signed_in_non_editor_cannot_run_admin_actions(contributor, make_tip):
    draft = make_tip("Draft tip", published=False)
    client = Client()
    client.force_login(contributor)
    client.post(
        reverse("admin:resources_tip_changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status != Tip.Status.PUBLISHED
    assert not AuditLogEntry.objects.exists()


# --- Bulk loading ---------------------------------------------------------------------------------


def test_load_demo_twice_writes_history_once(settings):
    settings.DEBUG = False
    call_command("load_demo")
    models = (Drug, Organization, Service, Phone)
    first = {model: model.history.count() for model in models}
    assert all(first.values()), first
    assert first[Drug] == Drug.objects.count()  # one "created" version each, nothing more
    call_command("load_demo")
    assert {model: model.history.count() for model in models} == first


def test_reimporting_an_export_writes_no_history(settings, tmp_path, make_listing):
    make_listing("Calm Line", phone="0800 123 4567", phone_country="GB")
    path = tmp_path / "directory.csv"
    call_command("export_directory", str(path))
    before = (Organization.history.count(), Service.history.count(), Phone.history.count())
    call_command("import_directory", str(path))
    assert (Organization.history.count(), Service.history.count(), Phone.history.count()) == before


def test_history_costs_one_insert_per_version_on_import(settings, tmp_path, make_listing):
    """Versions add one row each to an import, never a query per field or a re-read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from charities.directory_csv import import_rows, read_csv

    for number in range(3):
        make_listing(f"Line {number}", phone=f"0800 123 456{number}", phone_country="GB")
    path = tmp_path / "directory.csv"
    call_command("export_directory", str(path))
    Organization.objects.all().delete()
    rows = read_csv(path.open(encoding="utf-8"))

    def import_cost(history: bool) -> int:
        settings.SIMPLE_HISTORY_ENABLED = history
        with CaptureQueriesContext(connection) as captured:
            import_rows(rows, dry_run=True)
        return len(captured)

    assert import_cost(True) - import_cost(False) == 3 * 3  # one organisation, service and phone each
