"""Encryption at rest, no secret in logs, deletion, the purge and the permission ladder."""

import datetime
import json
import logging
from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from pytest_django.asserts import assertContains

from journal import crypto, services
from journal.logging import RedactJournalLinks
from journal.models import Entry, Journal
from journal.planner_link import PlannedStep
from tests.journal.conftest import entry

pytestmark = pytest.mark.django_db


def url(name: str, secret: str, **kwargs) -> str:
    return reverse(f"journal:{name}", kwargs={"secret": secret, **kwargs})


def raw_rows(table: str) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        rows = cursor.fetchall()
    return b"".join(
        bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
        for row in rows
        for value in row
    )


def test_the_database_holds_no_plaintext_of_an_entry(make_journal, client):
    secret, _journal = make_journal(
        [
            entry(
                0,
                "37.5",
                4,
                symptoms={"brain_zaps": 3},
                phase="wave",
                note="Unmistakable phrase about Tuesday",
            )
        ],
        planned_steps=[
            PlannedStep(day=datetime.date(2026, 12, 1), dose_mg=__import__("decimal").Decimal("33.75"))
        ],
    )
    client.post(
        url("entry_add", secret),
        {"day": "2026-12-02", "dose_mg": "31.25", "day_rating": "2", "note": "Second secret words"},
    )
    stored = raw_rows("journal_entry") + raw_rows("journal_journal")
    for plaintext in (
        b"Unmistakable",
        b"Tuesday",
        b"Second secret",
        b"37.5",
        b"31.25",
        b"33.75",
        b"brain_zaps",
        b"wave",
        b"2026-11",
    ):
        assert plaintext not in stored, plaintext
    # ... and the journal still reads back through its link.
    assertContains(client.get(url("detail", secret)), "Unmistakable phrase about Tuesday")


def test_without_the_key_part_the_entries_do_not_open(make_journal):
    _secret, journal = make_journal([entry(0)])
    wrong = crypto.derive_key(crypto.new_secret().key_part, bytes(journal.salt))
    with pytest.raises(crypto.DecryptionError):
        services.OpenJournal(journal=journal, key=wrong).open_entry(journal.entries.get())


def test_no_secret_in_djangos_logs(secret, client, caplog):
    caplog.set_level(logging.DEBUG)
    lookup = secret[: crypto.LOOKUP_LENGTH]
    client.get(url("detail", secret[:-3]))  # truncated: a 404, logged by django.request
    client.get(url("detail", crypto.new_secret().value))
    client.get(url("entry_edit", secret, entry_id=999999))
    client.get(reverse("journal:detail", kwargs={"secret": "has spaces " + secret}))
    assert any(record.name == "django.request" for record in caplog.records), (
        "nothing was logged: test is void"
    )
    logged = "\n".join(record.getMessage() for record in caplog.records) + caplog.text
    assert "/journal/[redacted]" in logged
    assert lookup not in logged and secret[-20:] not in logged


def test_the_filter_redacts_request_lines_like_runservers():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /journal/abcDEF123_-/summary/?x=1 HTTP/1.1", "200", "5"),
        None,
    )
    RedactJournalLinks().filter(record)
    assert record.getMessage() == '"GET /journal/[redacted]?x=1 HTTP/1.1" 200 5'
    start = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, "GET /journal/new/?start_dose=20 HTTP/1.1", (), None
    )
    RedactJournalLinks().filter(start)
    assert start.getMessage() == "GET /journal/new/?start_dose=20 HTTP/1.1"


def test_the_filter_is_on_djangos_request_and_server_loggers():
    for name in ("django.request", "django.server"):
        assert any(isinstance(f, RedactJournalLinks) for f in logging.getLogger(name).filters), name


def test_deleting_the_journal_removes_everything_with_one_confirmation(secret, client):
    confirm = client.get(url("delete", secret))
    assertContains(confirm, "4 entries will be deleted at once")
    response = client.post(url("delete", secret))
    assertContains(response, "Your journal has been deleted")
    assert Journal.objects.count() == 0 and Entry.objects.count() == 0
    assert client.get(url("detail", secret)).status_code == 404


def test_the_purge_deletes_journals_not_opened_for_18_months(make_journal, client):
    today = datetime.date(2026, 12, 7)
    _old, old_journal = make_journal([entry(0)])
    _kept, kept_journal = make_journal([entry(0)])
    Journal.objects.filter(pk=old_journal.pk).update(last_opened_on=datetime.date(2025, 6, 6))
    Journal.objects.filter(pk=kept_journal.pk).update(last_opened_on=datetime.date(2025, 6, 7))
    assert services.purge_cutoff(today=today) == datetime.date(2025, 6, 7)
    assert services.purge_unopened_journals(today=today) == 1
    assert list(Journal.objects.all()) == [kept_journal]
    assert Entry.objects.filter(journal_id=old_journal.pk).count() == 0


def test_opening_a_journal_restarts_the_count(make_journal, client):
    value, journal = make_journal()
    Journal.objects.filter(pk=journal.pk).update(last_opened_on=datetime.date(2020, 1, 1))
    client.get(url("detail", value))
    journal.refresh_from_db()
    assert journal.last_opened_on > datetime.date(2026, 1, 1)
    assert services.purge_unopened_journals() == 0


def test_the_purge_command_prints_only_a_count(make_journal):
    _value, journal = make_journal([entry(0)])
    Journal.objects.filter(pk=journal.pk).update(last_opened_on=datetime.date(2020, 1, 1))
    out = StringIO()
    call_command("purge_journals", stdout=out)
    assert out.getvalue().startswith("Deleted 1 journal(s) last opened before ")
    assert Journal.objects.count() == 0


def test_month_arithmetic_at_month_ends():
    assert services.months_before(datetime.date(2026, 8, 31), 18) == datetime.date(2025, 2, 28)
    assert services.months_before(datetime.date(2026, 1, 15), 1) == datetime.date(2025, 12, 15)


def test_the_purge_is_said_on_the_journal_page_and_the_privacy_page(secret, client):
    assertContains(client.get(url("detail", secret)), "If nobody opens this journal for 18 months")
    assertContains(
        client.get(reverse("privacy")), "a journal nobody opens for 18 months is deleted automatically"
    )


# --- The permission ladder: no role can read a journal it has no link for. ---------------------


@pytest.fixture(params=["anonymous", "contributor", "editor", "admin"])
def ladder_client(request, client):
    if request.param != "anonymous":
        user = request.getfixturevalue(
            {"contributor": "contributor", "editor": "editor", "admin": "site_admin"}[request.param]
        )
        client.force_login(user)
    return client


def test_no_role_reads_a_journal_without_its_link(secret, ladder_client):
    lookup_hash = crypto.parse_secret(secret).lookup_hash
    for path in (f"/journal/{lookup_hash}/", f"/journal/{secret[:-1]}/", "/journal/1/"):
        assert ladder_client.get(path).status_code == 404


def test_the_admin_does_not_list_or_open_journals(secret, ladder_client, site_admin, editor):
    assert not admin.site.is_registered(Journal) and not admin.site.is_registered(Entry)
    for path in ("/admin/journal/journal/", "/admin/journal/entry/", "/admin/journal/"):
        assert ladder_client.get(path).status_code in (302, 404)
    index = ladder_client.get("/admin/")
    assert b"journal" not in index.content.lower()


def test_a_role_with_the_link_sees_exactly_what_the_public_sees(secret, ladder_client):
    # The link is the only key: being staff gives nothing extra, and nothing less.
    response = ladder_client.get(url("detail", secret))
    assert response.status_code == 200
    assert b"/admin/journal" not in response.content


def test_the_json_export_has_no_link_secret(secret, client):
    body = client.get(url("download_json", secret)).content.decode()
    assert secret[: crypto.LOOKUP_LENGTH] not in body and secret[crypto.LOOKUP_LENGTH :] not in body
    assert json.loads(body)["format"] == "withdrawal-commons-journal"


def test_journals_are_not_in_search(make_journal, client):
    make_journal([entry(0, note="Quixotic zebra phrase")])
    response = client.get(reverse("search:results"), {"q": "Quixotic zebra"})
    assert response.status_code == 200
    assert b"/journal/" not in response.content
