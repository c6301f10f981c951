"""Journal pages through their URLs: creating, adding, editing, deleting, reading, headers."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from journal import crypto
from journal.models import Entry, Journal
from tests.journal.conftest import entry, entry_post

pytestmark = pytest.mark.django_db


def url(name: str, secret: str, **kwargs) -> str:
    return reverse(f"journal:{name}", kwargs={"secret": secret, **kwargs})


def test_start_page_explains_the_link_and_asks_for_nothing(client):
    response = client.get(reverse("journal:new"))
    assertContains(response, "No account, no name, no email address.")
    assertContains(response, "we cannot recover the link")
    assertContains(response, "18 months")
    assertNotContains(response, 'name="email"')
    assert client.get(reverse("journal:index")).status_code == 200


def test_creating_a_journal_gives_a_private_link_to_keep(client):
    response = client.post(reverse("journal:new"))
    assert response.status_code == 302
    match = re.fullmatch(r"/journal/([A-Za-z0-9_-]+)/welcome/", response["Location"])
    assert match and len(match.group(1)) == crypto.SECRET_LENGTH
    assert response["Referrer-Policy"] == "no-referrer"
    welcome = client.get(response["Location"])
    link = f"http://testserver/journal/{match.group(1)}/"
    assertContains(welcome, f'value="{link}"')
    assertContains(welcome, "Anyone who has the link can read and change your journal.")
    assertContains(welcome, "We cannot recover it")
    assert client.get(link).status_code == 200


def test_creating_journals_is_rate_limited_per_client(client, settings):
    settings.JOURNAL_CREATE_RATE_LIMIT = 2
    assert client.post(reverse("journal:new")).status_code == 302
    assert client.post(reverse("journal:new")).status_code == 302
    response = client.post(reverse("journal:new"))
    assert response.status_code == 429
    assertContains(response, "paused new ones", status_code=429)
    assert Journal.objects.count() == 2
    other = client.post(reverse("journal:new"), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


PRIVATE_PAGES = [
    "detail",
    "welcome",
    "entry_add",
    "summary",
    "import",
    "delete",
    "download_csv",
    "download_json",
]


@pytest.mark.parametrize("name", PRIVATE_PAGES)
def test_private_pages_are_never_cached_indexed_or_referred(secret, client, name):
    response = client.get(url(name, secret))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    if response["Content-Type"].startswith("text/html"):
        assertContains(response, '<meta name="robots" content="noindex, nofollow">')
        assertNotContains(response, 'rel="canonical"')


def test_journals_are_not_in_the_sitemap(secret, client):
    response = client.get("/sitemap.xml")
    assert b"/journal/" not in response.content


def test_forms_work_with_origin_null_as_sent_from_a_no_referrer_page(secret, client):
    # A browser posting from a Referrer-Policy: no-referrer page sends "Origin: null".
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(url("entry_add", secret), entry_post(), HTTP_ORIGIN="null", secure=True)
    assert response.status_code == 302
    assert Entry.objects.count() == 5


def test_start_keeps_the_csrf_check(client):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    assert csrf_client.post(reverse("journal:new")).status_code == 403


def test_adding_an_entry_takes_the_required_fields_only(secret, client):
    response = client.post(url("entry_add", secret), entry_post(), follow=True)
    assertRedirects(response, url("detail", secret))
    assertContains(response, "Entry saved.")
    assertContains(response, "16.2 mg")


def test_the_add_form_offers_the_last_dose(secret, client):
    assertContains(client.get(url("entry_add", secret)), 'value="18"')


@pytest.mark.parametrize(
    "overrides",
    [
        {"day": "not a date"},
        {"day": "2999-01-01"},
        {"dose_mg": "-1"},
        {"dose_mg": "lots"},
        {"day_rating": "11"},
        {"symptom_sleep": "9"},
        {"phase": "storm"},
        {"note": "x" * 2001},
    ],
)
def test_bad_entries_get_form_errors_and_keep_what_was_typed(secret, client, overrides):
    data = entry_post(note="kept text", **{k: v for k, v in overrides.items() if k != "note"})
    if "note" in overrides:
        data["note"] = overrides["note"]
    response = client.post(url("entry_add", secret), data)
    assert response.status_code == 400
    assertContains(response, "Please check the highlighted fields", status_code=400)
    if "note" not in overrides:
        assertContains(response, "kept text", status_code=400)
    assert Entry.objects.count() == 4


def test_editing_and_deleting_an_entry(secret, client, make_journal):
    detail = client.get(url("detail", secret))
    entry_ids = [day.entry_id for day in detail.context["days"]]
    edit = url("entry_edit", secret, entry_id=entry_ids[0])
    assertContains(client.get(edit), "Slept badly")
    response = client.post(edit, entry_post(day="2026-11-07", dose_mg="20", note="Rewritten"))
    assert response.status_code == 302
    assertContains(client.get(url("detail", secret)), "Rewritten")
    delete = url("entry_delete", secret, entry_id=entry_ids[0])
    assertContains(client.get(delete), "cannot be undone")
    assert client.post(delete).status_code == 302
    assert Entry.objects.count() == 3
    # Another journal's entry is not reachable through this link.
    _other_secret, other = make_journal([entry(0)])
    other_id = other.entries.get().pk
    assert client.get(url("entry_edit", secret, entry_id=other_id)).status_code == 404
    assert client.post(url("entry_delete", secret, entry_id=other_id)).status_code == 404
    assert Entry.objects.filter(pk=other_id).exists()


def test_dose_changes_show_as_steps_with_days_since_the_cut(secret, client):
    response = client.get(url("detail", secret))
    days = response.context["days"]
    assert [day.is_cut for day in days] == [False, False, True, False]
    assert [day.days_since_cut for day in days] == [None, None, 0, 6]
    assertContains(response, "20 mg to 18 mg")
    assertContains(response, "(-10.0%)")
    assertContains(response, "Your latest entry is 6 days after your last cut.")


def test_the_chart_and_its_table(secret, client):
    response = client.get(url("detail", secret))
    content = response.content.decode()
    assert '<svg class="journal-chart"' in content
    assert 'class="journal-chart__cut"' in content
    assert 'class="journal-chart__point journal-chart__point--wave"' in content
    assert '<title id="journal-chart-title">' in content
    assert 'class="journal-table"' in content
    assert "style=" not in content and "<script" not in content


def test_markdown_notes_are_sanitised_and_plain_notes_escaped(secret, client):
    client.post(
        url("entry_add", secret), entry_post(note="<script>alert(1)</script> **bold**", note_is_markdown="on")
    )
    client.post(url("entry_add", secret), entry_post(note="*not emphasis* <b>no</b>"))
    content = client.get(url("detail", secret)).content.decode()
    assert "<script>alert" not in content and "<strong>bold</strong>" in content
    assert "*not emphasis* &lt;b&gt;no&lt;/b&gt;" in content
    assertContains(client.get(url("detail", secret)), "<em>all day</em>")


def test_an_empty_journal_invites_a_first_entry(make_journal, client):
    value, _journal = make_journal()
    assertContains(client.get(url("detail", value)), "No entries yet.")
    assertContains(client.get(url("summary", value)), "There are no entries yet.")


def test_the_summary_has_range_steps_trends_chosen_notes_and_the_advice_line(secret, client):
    response = client.get(url("summary", secret))
    assertContains(response, "4 entries from 7 November 2026 to 27 November 2026.")
    assertContains(response, "-10.0%")
    assertContains(response, "Brain zaps")
    assertContains(response, "<em>all day</em>")  # chosen for the summary
    assertNotContains(response, "Slept badly")  # not chosen
    assertContains(response, "not a diagnosis or medical advice")
    assertContains(response, "1 day marked as a wave")


def test_journal_pages_keep_to_a_fixed_number_of_queries(make_journal, client, django_assert_num_queries):
    few, few_journal = make_journal([entry(i, rating=5) for i in range(2)])
    many, many_journal = make_journal([entry(i, dose=str(20 - i // 5), rating=5) for i in range(40)])
    for value in (few, many):
        client.get(url("detail", value))  # the once-a-day "last opened" write
    for name in ("detail", "summary", "download_csv", "download_json", "entry_add"):
        for value in (few, many):
            with django_assert_num_queries(2):  # the journal by its hash, then its entries
                assert client.get(url(name, value)).status_code == 200
    for value, journal in ((few, few_journal), (many, many_journal)):
        entry_id = journal.entries.order_by("-pk").values_list("pk", flat=True)[0]
        with django_assert_num_queries(2):  # the journal, then the one entry
            assert client.get(url("entry_edit", value, entry_id=entry_id)).status_code == 200


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("100", "100 mg"), ("100.00", "100 mg"), ("1E+2", "100 mg"), ("0.50", "0.5 mg"), ("0", "0 mg")],
)
def test_doses_are_shown_as_typed_numbers_never_in_exponent_form(make_journal, client, typed, shown):
    value, _ = make_journal()
    client.post(url("entry_add", value), entry_post(dose_mg=typed))
    response = client.get(url("detail", value))
    assertContains(response, f"<dd>{shown}")
    assertNotContains(response, "E+")


def test_the_timeline_shows_the_newest_30_unless_asked_for_all(make_journal, client):
    value, _ = make_journal([entry(i, rating=5, note=f"note-{i}-end") for i in range(31)])
    response = client.get(url("detail", value))
    assertContains(response, "note-30-end")
    assertNotContains(response, "note-0-end")
    assertContains(response, "Show all 31 entries")
    assert len(response.context["days"]) == 31  # the table keeps every day
    assertContains(client.get(url("detail", value), {"timeline": "all"}), "note-0-end")
