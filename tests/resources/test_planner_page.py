"""The planner at /tapering/planner/, driven by GET parameters."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db

URL = "/tapering/planner/"
GOOD = {
    "start_dose": "20",
    "cut_percent": "10",
    "days_per_step": "28",
    "stop_below": "1",
    "start_date": "2026-01-01",
    "liquid_mg": "2",
    "liquid_ml": "1",
    "acknowledged": "on",
}


def test_planner_url_name_and_order():
    # Registered before tapering/<slug>/, so "planner" is never taken for a method slug.
    assert reverse("resources:planner") == URL


def test_empty_planner_shows_the_form_and_the_disclaimer(client):
    response = client.get(URL)
    assertContains(response, 'method="get"')
    assertContains(response, "About tapering information")
    assertContains(response, 'name="acknowledged"')
    assertNotContains(response, "planner-table")
    assertNotContains(response, "errorlist")


def test_without_acknowledgement_there_is_no_schedule(client):
    data = {**GOOD}
    del data["acknowledged"]
    response = client.get(URL, data)
    assert response.status_code == 200
    assertNotContains(response, "planner-table")
    assertContains(response, "Please tick this box to see a schedule.")
    assertContains(response, 'value="20"')  # nothing typed is lost


def test_acknowledged_shows_table_total_chart_and_links(client):
    response = client.get(URL, GOOD)
    assertContains(response, "planner-table")
    for dose in ["20", "18", "16.2", "14.58", "13.12", "11.81"]:
        assertContains(response, f'<td class="number dose">{dose}</td>', html=False)
    assertContains(response, '<span class="ml-value">8.1 ml</span>')
    assertContains(response, "Total duration")
    assertContains(response, "about 2 years and 3 months")  # 29 steps of 28 days: 812 days
    assertContains(response, "<svg")
    assertContains(response, '<title id="chart-title">')
    assertContains(response, "Equal cuts (mg)")
    assertContains(response, "format=csv")
    assertContains(response, "format=ics")
    assertContains(response, 'class="no-print"')
    assertContains(response, "About tapering information")
    assertNotContains(response, "style=")


def test_schedule_with_a_drug(client, drug):
    response = client.get(URL, {**GOOD, "drug": drug.slug})
    assertContains(response, "Schedule arithmetic for Sertraline")
    assertContains(response, drug.get_absolute_url())


def test_unknown_drug_is_a_form_error(client):
    response = client.get(URL, {**GOOD, "drug": "no-such-drug"})
    assert response.status_code == 200
    assertNotContains(response, "planner-table")
    assertContains(response, "errorlist")


def test_csv_download(client):
    response = client.get(URL, {**GOOD, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("step,date,dose_mg")
    assert lines[3].startswith("3,2026-02-26,16.2,81,1.8,8.1,")


def test_ics_download(client):
    response = client.get(URL, {**GOOD, "format": "ics"})
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 30  # 29 dosed steps and the stop
    assert "DTSTART;VALUE=DATE:20260101" in body
    assert "\r\n" in body


@pytest.mark.parametrize("output", ["csv", "ics"])
def test_downloads_need_acknowledgement(client, output):
    data = {**GOOD, "format": output}
    del data["acknowledged"]
    response = client.get(URL, data)
    assert response["Content-Type"].startswith("text/html")
    assertContains(response, "Please tick this box to see a schedule.")


def test_start_date_defaults_to_today(client):
    from django.utils import timezone

    data = {**GOOD, "start_date": ""}
    response = client.get(URL, data)
    assertContains(response, f'datetime="{timezone.localdate().isoformat()}"')


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start_dose", "-5"),
        ("start_dose", "0"),
        ("start_dose", "abc"),
        ("start_dose", "1e400"),
        ("start_dose", "NaN"),
        ("start_dose", "Infinity"),
        ("start_dose", "10001"),
        ("start_dose", "99999999999999999999"),
        ("cut_percent", "0"),
        ("cut_percent", "100"),
        ("cut_percent", "150"),
        ("cut_percent", "-10"),
        ("cut_percent", "ten"),
        ("days_per_step", "0"),
        ("days_per_step", "366"),
        ("days_per_step", "1.5"),
        ("days_per_step", "99999999999999999999999"),
        ("stop_below", "0"),
        ("stop_below", "20"),
        ("stop_below", "25"),
        ("stop_below", "x"),
        ("start_date", "2026-02-30"),
        ("start_date", "2026-13-01"),
        ("start_date", "not a date"),
        ("start_date", "9999-12-31"),
        ("start_date", "0001-01-01"),
        ("liquid_mg", "0"),
        ("liquid_mg", "-2"),
        ("liquid_ml", "1001"),
        ("liquid_ml", "lots"),
        ("hold_steps", "3, x"),
        ("hold_steps", "0"),
        ("syringe", "2"),
        ("country", "XX"),
    ],
)
def test_bad_input_gets_form_errors_not_a_server_error(client, field, value):
    response = client.get(URL, {**GOOD, field: value})
    assert response.status_code == 200
    assertContains(response, "errorlist")
    assertNotContains(response, "planner-table")


@pytest.mark.parametrize("output", ["", "csv", "ics"])
def test_bad_input_with_a_download_format_shows_the_form(client, output):
    response = client.get(URL, {**GOOD, "start_dose": "-1", "format": output})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_too_many_steps_is_refused_with_a_clear_error(client):
    response = client.get(URL, {**GOOD, "start_dose": "10000", "cut_percent": "0.5", "stop_below": "0.001"})
    assertContains(response, "would need more than 200 steps")
    assertNotContains(response, "planner-table")


def test_largest_allowed_schedule_renders(client):
    # 10% steps from 10000 mg down to 0.001 mg take 153 steps: within the bound of 200.
    response = client.get(URL, {**GOOD, "start_dose": "10000", "cut_percent": "10", "stop_below": "0.001"})
    assertContains(response, "planner-table")


def test_repeated_parameters_and_garbage_never_fail(client):
    response = client.get(URL + "?start_dose=20&start_dose=abc&acknowledged=maybe&format=pdf&drug=%00")
    assert response.status_code == 200


def test_planner_queries_are_bounded(client, make_drug, django_assert_max_num_queries):
    for number in range(30):
        make_drug(f"Drug {number}")
    with django_assert_max_num_queries(3):
        client.get(URL, GOOD)


def test_shared_link_asks_the_next_reader_to_acknowledge(client):
    response = client.get(URL, GOOD)
    share_url = response.context["share_url"]
    assert "start_dose=20" in share_url and "liquid_mg=2" in share_url
    assert "acknowledged" not in share_url
    assert "acknowledged=on" in response.context["csv_url"]
    shared = client.get(share_url)
    assertNotContains(shared, "planner-table")
    assertContains(shared, 'value="20"')
