"""The crisis prompt, export and import, and starting a journal from the planner."""

import html
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from journal import services
from journal.models import Entry, Journal
from tests.journal.conftest import entry

pytestmark = pytest.mark.django_db

PROMPT = "Your last entry says today is very hard"


def url(name: str, secret: str, **kwargs) -> str:
    return reverse(f"journal:{name}", kwargs={"secret": secret, **kwargs})


@pytest.mark.parametrize(
    ("latest", "shown"),
    [
        (entry(9, rating=1), True),
        (entry(9, rating=0), True),
        (entry(9, rating=6, crisis=True), True),
        (entry(9, rating=5, symptoms={"low_mood": 3}), True),
        (entry(9, rating=2), False),
        (entry(9, rating=5, symptoms={"anxiety": 3, "low_mood": 2}), False),
    ],
)
def test_the_crisis_prompt_opens_the_page_after_a_very_hard_day(make_journal, client, latest, shown):
    value, _ = make_journal([entry(0, rating=0, crisis=True), latest])  # only the latest entry counts
    response = client.get(url("detail", value))
    if shown:
        content = response.content.decode()
        assert content.index(PROMPT) < content.index("<h1>")
        assert 'class="emergency-number"' in content  # tap-to-call, before anything else
        assert "seizure" in content.lower()
    else:
        assertNotContains(response, PROMPT)


def test_the_crisis_prompt_shows_the_visitors_numbers_as_tel_and_sms_links(make_journal, client):
    value, _ = make_journal([entry(0, rating=0)])
    british = client.get(url("detail", value), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assertContains(british, 'href="tel:999"')
    assertContains(british, 'href="tel:116123"')
    assertContains(british, 'href="sms:85258?&amp;body=SHOUT"')
    assertNotContains(british, 'href="tel:024"')  # Spain's line is not offered as theirs
    spanish = client.get(url("detail", value), HTTP_ACCEPT_LANGUAGE="es-ES")
    assertContains(spanish, 'href="tel:024"')
    anywhere = client.get(url("detail", value), HTTP_ACCEPT_LANGUAGE="en")
    for number in ("999", "911", "000"):  # no country known: every emergency number
        assertContains(anywhere, f'href="tel:{number}"')


def test_the_crisis_prompt_adds_no_query(make_journal, client, django_assert_max_num_queries):
    value, _ = make_journal([entry(i, rating=0) for i in range(30)])
    client.get(url("detail", value))
    with django_assert_max_num_queries(2):  # the journal and its entries; crisis numbers from the snapshot
        assertContains(client.get(url("detail", value)), PROMPT)


def test_json_export_imports_back_into_a_new_journal_unchanged(secret, client):
    exported = client.get(url("download_json", secret))
    assert exported["Content-Disposition"] == 'attachment; filename="taper-journal.json"'
    document = json.loads(exported.content)
    assert len(document["entries"]) == 4
    upload = SimpleUploadedFile("journal.json", exported.content, content_type="application/json")
    response = client.post(reverse("journal:new_from_file"), {"file": upload})
    assert response.status_code == 302
    new_secret = response["Location"].split("/")[2]
    assert new_secret != secret and Journal.objects.count() == 2
    again = json.loads(client.get(url("download_json", new_secret)).content)
    assert again["entries"] == document["entries"]
    assertContains(client.get(url("detail", new_secret)), "<em>all day</em>")


def test_import_into_an_existing_journal_adds_entries(secret, make_journal, client):
    exported = client.get(url("download_json", secret)).content
    value, _ = make_journal([entry(25, "16")])
    upload = SimpleUploadedFile("journal.json", exported, content_type="application/json")
    response = client.post(url("import", value), {"file": upload}, follow=True)
    assertContains(response, "4 entries added from the file.")
    assert len(response.context["days"]) == 5


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"format": "something-else", "version": 1, "entries": []}).encode(),
        json.dumps({"format": "withdrawal-commons-journal", "version": 99, "entries": []}).encode(),
        json.dumps({"format": "withdrawal-commons-journal", "version": 1, "entries": "x"}).encode(),
        json.dumps(
            {"format": "withdrawal-commons-journal", "version": 1, "entries": [{"date": "x"}]}
        ).encode(),
        json.dumps({"format": "withdrawal-commons-journal", "version": 1, "entries": [None, 3]}).encode(),
        json.dumps(
            {
                "format": "withdrawal-commons-journal",
                "version": 1,
                "entries": [],
                "planned_steps": [{"date": 1}],
            }
        ).encode(),
    ],
)
def test_a_bad_import_file_gets_a_clear_error_and_imports_nothing(secret, client, content):
    before = Entry.objects.count()
    for target in (reverse("journal:new_from_file"), url("import", secret)):
        upload = SimpleUploadedFile("journal.json", content, content_type="application/json")
        response = client.post(target, {"file": upload})
        assert response.status_code == 400
        assertContains(response, "Please check the highlighted fields", status_code=400)
    assert Entry.objects.count() == before and Journal.objects.count() == 1


def test_an_oversized_import_is_refused(secret, client, settings):
    settings.JOURNAL_IMPORT_MAX_BYTES = 100
    upload = SimpleUploadedFile("journal.json", b" " * 200, content_type="application/json")
    assertContains(client.post(url("import", secret), {"file": upload}), "too large", status_code=400)


def test_csv_export_has_a_row_per_entry_and_defuses_formulas(make_journal, client):
    value, _ = make_journal([entry(0, note='=HYPERLINK("http://x")'), entry(3, "18", symptoms={"pain": 2})])
    response = client.get(url("download_csv", value))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("date,dose_mg,dose_step,days_since_last_cut,day_rating,symptom_sleep")
    assert len(lines) == 3
    assert "'=HYPERLINK" in lines[1]
    assert lines[2].startswith("2026-11-10,18,yes,0,6,")


PLAN = "start_dose=20&cut_percent=10&days_per_step=28&stop_below=15&start_date=2026-12-01"


def test_the_planner_link_imports_the_planned_steps(client):
    start = client.get(f"{reverse('journal:new')}?{PLAN}")
    assertContains(start, "The journal will keep 3 planned steps from 1 December 2026")
    response = client.post(f"{reverse('journal:new')}?{PLAN}")
    value = response["Location"].split("/")[2]
    opened = services.open_journal(secret=value)
    assert [str(step.dose_mg) for step in opened.planned_steps()] == ["20", "18.0", "16.20", "0"]
    client.post(url("entry_add", value), {"day": "2026-12-01", "dose_mg": "20", "day_rating": "6"})
    detail = client.get(url("detail", value))
    assertContains(detail, 'class="journal-chart__planned"')
    exported = json.loads(client.get(url("download_json", value)).content)
    assert exported["planned_steps"][1] == {"date": "2026-12-29", "dose_mg": "18.0"}


@pytest.mark.parametrize(
    "query", ["start_dose=abc", "start_dose=20&cut_percent=0.0001&stop_below=0.0001", "x=1"]
)
def test_a_bad_planner_link_starts_a_plain_journal(client, query):
    response = client.get(f"{reverse('journal:new')}?{query}&days_per_step=28")
    assert response.status_code == 200
    assertNotContains(response, "planned step")
    assert client.post(f"{reverse('journal:new')}?{query}").status_code == 302


def test_after_a_bad_file_the_start_button_still_starts_a_journal(client):
    upload = SimpleUploadedFile("journal.json", b"nope", content_type="application/json")
    response = client.post(reverse("journal:new_from_file"), {"file": upload})
    assertContains(response, f'action="{reverse("journal:new")}"', status_code=400)


def test_the_start_button_keeps_the_planner_parameters(client):
    response = client.get(f"{reverse('journal:new')}?{PLAN}")
    assertContains(response, f'action="{reverse("journal:new")}?{PLAN.replace("&", "&amp;")}"')


def test_a_journal_from_the_planner_offers_todays_planned_dose(client):
    response = client.post(f"{reverse('journal:new')}?{PLAN}")
    value = response["Location"].split("/")[2]
    assertContains(client.get(url("entry_add", value)), 'value="20"')


def test_the_planners_own_link_starts_a_journal_of_that_plan(client):
    planner = client.get(f"{reverse('resources:planner')}?{PLAN}&acknowledged=on")
    link = re.search(r'href="(/journal/new/\?[^"]+)"', planner.content.decode())
    assert link, "the planner offers no journal link"
    assert "acknowledged" not in link.group(1)
    start = client.get(html.unescape(link.group(1)))
    assertContains(start, "The journal will keep 3 planned steps from 1 December 2026")
