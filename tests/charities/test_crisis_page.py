"""The crisis page: help now in the first screen, the visitor's country first, honest dates and sources."""

import datetime
import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from charities import crisis_snapshot
from charities.crisis_lines import load_bundled
from charities.models import EmergencyNumber, Service
from tests.conftest import verified_login
from tests.factories import AdminFactory
from withdrawal_site.visitor_country import COOKIE_NAME

pytestmark = pytest.mark.django_db

CRISIS = "/crisis/"
FIXED_ORDER = ["GB", "IE", "US", "CA", "AU", "ES", "PL"]


@pytest.fixture
def crisis_data(db):
    load_bundled()
    return Service.objects.crisis_lines()


@pytest.fixture
def admins_member(db):
    """A real member of the Admins group: staff, not a superuser."""
    return AdminFactory(username="crisis-admin", email="ca@example.org")


def country_order(response) -> list[str]:
    visitor = response.context["crisis_visitor"]
    return ([visitor.code] if visitor else []) + [
        country.code for country in response.context["crisis_others"]
    ]


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") :]


def test_the_bundled_data_is_loaded_with_emergency_numbers(crisis_data):
    assert crisis_data.count() == 16
    assert set(EmergencyNumber.objects.values_list("country", flat=True)) == set(FIXED_ORDER)
    shout = Service.objects.get(organization__name="Shout")
    assert shout.last_verified == datetime.date(2026, 11, 24)
    assert shout.verification_source.startswith("Shout 85258 information pack")
    assert shout.phones.get().sms_body == "SHOUT"


def test_loading_again_changes_nothing_and_keeps_a_newer_admin_check(crisis_data, admins_member):
    samaritans = Service.objects.get(organization__name="Samaritans")
    Service.objects.filter(pk=samaritans.pk).update(
        last_verified=datetime.date(2026, 12, 1), verified_by=admins_member, hours_note="Edited by an admin"
    )
    load_bundled()
    assert Service.objects.crisis_lines().count() == 16
    samaritans.refresh_from_db()
    assert (samaritans.last_verified, samaritans.verified_by, samaritans.hours_note) == (
        datetime.date(2026, 12, 1),
        admins_member,
        "Edited by an admin",
    )


@pytest.mark.parametrize(
    ("how", "expected_first", "first_emergency"),
    [
        ({"cookie": "GB"}, "GB", "999"),
        ({"cookie": "AU"}, "AU", "000"),
        ({"query": "PL"}, "PL", "112"),
        ({"accept_language": "en-GB,en;q=0.9"}, "GB", "999"),
        ({"accept_language": "es-ES,es;q=0.9"}, "ES", "112"),
        ({"accept_language": "en-US"}, "US", "911"),
        ({"accept_language": "pl"}, "PL", "112"),
        ({"cookie": "IE", "accept_language": "en-US"}, "IE", "112"),  # the choice beats the browser
    ],
)
def test_the_visitors_country_comes_first_then_the_fixed_order(
    client, crisis_data, how, expected_first, first_emergency
):
    if "cookie" in how:
        client.cookies[COOKIE_NAME] = how["cookie"]
    params = {"country": how["query"]} if "query" in how else {}
    response = client.get(CRISIS, params, HTTP_ACCEPT_LANGUAGE=how.get("accept_language", ""))
    assert response.status_code == 200
    order = country_order(response)
    assert order[0] == expected_first
    assert order[1:] == [code for code in FIXED_ORDER if code != expected_first]
    html = main_html(response)
    first_tel = re.search(r'href="tel:(\d+)"', html).group(1)
    assert first_tel == first_emergency
    # Emergency numbers, then the country's lines, then the other countries, then the bad-wave
    # section (linked from the top) and the urgent-help signs.
    first_line = response.context["crisis_visitor"].lines[0]
    assert (
        html.index(f'href="tel:{first_emergency}"')
        < html.index(f'href="{first_line.href}"'.replace("&", "&amp;"))
        < html.index('href="#bad-wave-heading"')
        < html.index("Other countries")
        < html.index('id="bad-wave-heading"')
        < html.index("Get medical help now")
    )


def test_without_choice_or_region_the_page_offers_every_emergency_number_and_a_picker(client, crisis_data):
    response = client.get(CRISIS, HTTP_ACCEPT_LANGUAGE="de-DE")
    assert response.context["crisis_visitor"] is None
    assert country_order(response) == FIXED_ORDER  # not alphabetical (Australia, Canada, Ireland ...)
    html = main_html(response)
    assert html.index('href="tel:999"') < html.index("Where are you?")
    for code in FIXED_ORDER:
        assertContains(response, f'href="/crisis/?country={code}"')


def test_a_chosen_country_is_remembered_and_bad_choices_are_ignored(client, crisis_data):
    response = client.get(CRISIS, {"country": "es"})
    assert response.cookies[COOKIE_NAME].value == "ES"
    assert client.get(CRISIS).context["crisis_visitor"].code == "ES"
    for bad in ("XX", "<script>", "", "GB" * 40):
        response = client.get(CRISIS, {"country": bad}, HTTP_ACCEPT_LANGUAGE="en-US")
        assert response.status_code == 200
        assert response.context["crisis_visitor"].code in ("ES",)
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_text_lines_are_sms_links_with_their_label_and_voice_lines_tel(client, crisis_data):
    response = client.get(CRISIS, {"country": "GB"})
    assertContains(
        response, '<a class="crisis-call" href="sms:85258?&amp;body=SHOUT">Text SHOUT to 85258</a>', html=True
    )
    assertContains(response, '<a class="crisis-call" href="tel:116123">Call 116 123</a>', html=True)
    assertNotContains(response, "tel:85258")
    response = client.get(CRISIS, {"country": "US"})
    assertContains(response, '<a class="crisis-call" href="sms:988">Text 988</a>', html=True)
    assertContains(response, '<a class="crisis-call" href="tel:988">Call 988</a>', html=True)
    assertContains(response, "988 Suicide &amp; Crisis Lifeline (text)")
    assertContains(response, '<a class="emergency-number" href="tel:911">', count=1)
    # Freephone numbers are dialled in their national form (1800 numbers cannot be reached as +353).
    assertContains(client.get(CRISIS, {"country": "IE"}), 'href="tel:1800247247"')


def test_each_line_shows_when_and_where_it_was_checked_calmly(client, crisis_data):
    response = client.get(CRISIS, {"country": "GB"})
    assertContains(
        response, "Checked on 24 November 2026 · Source: Samaritans; also listed in the seed resource list"
    )
    assertContains(response, "These numbers were last checked on 24 November 2026")
    assertNotContains(response, "Not yet verified")
    # A source that states no hours says so plainly.
    assertContains(client.get(CRISIS, {"country": "ES"}), "Check the hours on their website.")


def test_no_first_visit_notice_on_the_crisis_page(client, crisis_data):
    response = client.get(CRISIS)  # a first visit: no cookies at all
    assertNotContains(response, "first-visit-notice")
    assertNotContains(response, "Welcome to Withdrawal Commons")
    assertContains(client.get("/about/"), "first-visit-notice")  # still shown elsewhere


def test_the_in_crisis_header_link_stays(client, crisis_data):
    for path in ("/", "/crisis/", "/support/", "/drugs/", "/tapering/planner/", "/about/"):
        assertContains(
            client.get(path), '<a class="crisis-link" href="/crisis/">In crisis? Get help now</a>', html=True
        )


def test_the_bad_wave_section(client, crisis_data):
    response = client.get(CRISIS, {"country": "GB"})
    assertContains(response, "In a bad wave right now?")
    assertContains(response, "it does pass")
    assertContains(response, "Ground yourself")
    assertContains(response, "Do not make a sudden change to your dose")
    assertContains(response, '<a href="tel:111">NHS 111</a>', html=True)


def test_a_closed_or_unknown_line_is_never_offered(client, crisis_data):
    Service.objects.filter(organization__name="Shout").update(status=Service.Status.REPORTED_CLOSED)
    Service.objects.filter(organization__name="Samaritans").update(status=Service.Status.UNKNOWN)
    response = client.get(CRISIS, {"country": "GB"})
    assertNotContains(response, "sms:85258")
    assertNotContains(response, "Samaritans;")
    assertContains(response, "tel:111")


def test_query_budget_does_not_grow_with_the_lines(
    client, crisis_data, make_many, django_assert_max_num_queries
):
    client.get(CRISIS)  # warm the disclaimer cache
    with django_assert_max_num_queries(5) as small:
        client.get(CRISIS, {"country": "GB"})
    make_many(100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(CRISIS, {"country": "GB"})
    assert len(response.context["crisis_visitor"].lines) == 103


# Admins re-verify --------------------------------------------------------------------


def test_an_admin_re_verifies_a_line_and_the_page_shows_the_new_date(
    client, crisis_data, admins_member, django_capture_on_commit_callbacks
):
    shout = Service.objects.get(organization__name="Shout")
    admin_client = Client()
    verified_login(admin_client, admins_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:charities_service_changelist"),
            {"action": "mark_verified_today", "_selected_action": [shout.pk]},
            follow=True,
        )
    assertContains(response, "1 service marked verified today.")
    shout.refresh_from_db()
    assert (shout.last_verified, shout.verified_by) == (timezone.localdate(), admins_member)
    assert LogEntry.objects.filter(user=admins_member, object_id=str(shout.pk)).exists()

    page = client.get(CRISIS, {"country": "GB"})
    today = timezone.localdate().strftime("%-d %B %Y")
    assertContains(page, f"Checked on {today} by a site admin · Source: Shout 85258 information pack")
    assertContains(page, f"These numbers were last checked on {today}")
    # The outage snapshot has the new date too.
    snapshot = json.loads(crisis_snapshot.snapshot_path().read_text())
    shout_line = next(line for line in snapshot["countries"]["GB"]["lines"] if line["name"] == "Shout")
    assert shout_line["checked_on"] == timezone.localdate().isoformat() and shout_line["checked_by_admin"]


def test_an_editor_cannot_re_verify(crisis_data, editor_client):
    shout = Service.objects.get(organization__name="Shout")
    editor_client.post(
        reverse("admin:charities_service_changelist"),
        {"action": "mark_verified_today", "_selected_action": [shout.pk]},
    )
    shout.refresh_from_db()
    assert shout.last_verified == datetime.date(2026, 11, 24) and shout.verified_by is None


def test_admins_keep_emergency_numbers_and_editors_only_look(
    crisis_data, admins_member, editor_client, django_capture_on_commit_callbacks
):
    admin_client = Client()
    verified_login(admin_client, admins_member)
    number = EmergencyNumber.objects.get(country="GB", number="999")
    url = reverse("admin:charities_emergencynumber_change", args=[number.pk])
    assert admin_client.get(url).status_code == 200
    assert editor_client.get(url).status_code == 200
    editor_client.post(url, {"country": "GB", "number": "998", "label": "x", "position": 0})
    number.refresh_from_db()
    assert number.number == "999"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url, {"country": "GB", "number": "999", "label": "Police, fire, ambulance", "position": 0}
        )
    number.refresh_from_db()
    assert number.label == "Police, fire, ambulance"
    snapshot = json.loads(crisis_snapshot.snapshot_path().read_text())
    assert snapshot["countries"]["GB"]["emergency"][0]["label"] == "Police, fire, ambulance"


# Without the database -------------------------------------------------------------------


def _database_down(monkeypatch):
    def refuse():
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(crisis_snapshot, "from_database", refuse)


def test_the_crisis_page_renders_without_the_database_from_the_bundled_file(
    monkeypatch, django_assert_num_queries
):
    _database_down(monkeypatch)
    with django_assert_num_queries(0):
        response = Client().get(CRISIS, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.status_code == 200
    assertContains(response, 'href="tel:999"')
    assertContains(response, "Text SHOUT to 85258")
    assertContains(response, "Checked on 24 November 2026")
    assertContains(response, "Get medical help now")
    assertNotContains(response, "first-visit-notice")


def test_without_the_database_the_page_shows_the_last_snapshot_an_admin_wrote(
    monkeypatch, crisis_data, admins_member, django_capture_on_commit_callbacks
):
    shout = Service.objects.get(organization__name="Shout")
    from charities.services import mark_verified

    with django_capture_on_commit_callbacks(execute=True):
        mark_verified(services=[shout], verified_by=admins_member, on=datetime.date(2026, 12, 5))
    _database_down(monkeypatch)
    response = Client().get(CRISIS, {"country": "GB"})
    assertContains(response, "Checked on 5 December 2026 by a site admin")
    # The cache lost too: the local file still has it.
    from django.core.cache import cache

    cache.clear()
    assertContains(Client().get(CRISIS, {"country": "GB"}), "Checked on 5 December 2026 by a site admin")
    # The file lost as well: the bundled copy.
    crisis_snapshot.snapshot_path().unlink()
    assertContains(Client().get(CRISIS, {"country": "GB"}), "Checked on 24 November 2026")


def test_lines_for_reads_no_database(crisis_data, django_assert_num_queries):
    with django_assert_num_queries(0):
        gb = crisis_snapshot.lines_for("gb")
    assert gb.first_emergency.number == "999"
    assert [line.action_label for line in gb.lines][:2] == ["Call 116 123", "Text SHOUT to 85258"]
    assert crisis_snapshot.lines_for("XX") is None and crisis_snapshot.lines_for(None) is None


def test_a_broken_snapshot_file_falls_back_to_the_bundled_copy(settings, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    settings.CRISIS_SNAPSHOT_PATH = path
    assert crisis_snapshot.stored() == crisis_snapshot.bundled()


def test_the_directory_links_text_lines_as_sms_too(client, crisis_data):
    text_line = Service.objects.get(organization__name="988 Suicide & Crisis Lifeline (text)")
    response = client.get(text_line.organization.get_absolute_url())
    assertContains(response, '<a href="sms:988">988</a> (Text 988)', html=True)
    assertNotContains(response, 'href="tel:988"')
    shout = Service.objects.get(organization__name="Shout")
    assertContains(client.get(shout.organization.get_absolute_url()), 'href="sms:85258?&amp;body=SHOUT"')


def test_for_request_gives_other_pages_the_visitors_numbers_without_the_database(
    rf, django_assert_num_queries
):
    request = rf.get("/journal/", HTTP_ACCEPT_LANGUAGE="en-AU")
    with django_assert_num_queries(0):
        australia = crisis_snapshot.for_request(request)
    assert australia.code == "AU" and australia.first_emergency.href == "tel:000"
    assert crisis_snapshot.for_request(rf.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")) is None
