"""Check the plan I was given: each step as a share of the dose before it, beside the published paces."""

import re
from datetime import date
from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from resources import guidance, planner
from resources.models import Drug

D = Decimal
pytestmark = pytest.mark.django_db
URL = "/tapering/planner/check/"
LORAZEPAM_PLAN = "2026-01-01 2\n2026-01-15 1,5\n2026-01-22 1\n2026-01-29 0"


def given(*rows):
    return [(None if when is None else date.fromisoformat(when), D(dose)) for when, dose in rows]


# --- The arithmetic -------------------------------------------------------------------------------


def test_each_step_as_a_share_of_the_dose_before_it_with_flags_beyond_the_paces():
    checked = planner.check_plan(
        given(("2026-01-01", "2"), ("2026-01-15", "1.5"), ("2026-01-22", "1"), ("2026-01-29", "0")),
        drug_class_slug="benzodiazepines",
        drug_slug="lorazepam",
    )
    second, third, stop = checked.steps[1], checked.steps[2], checked.steps[3]
    assert second.cut_percent_of_current == 25 and second.interval_days == 14 and not second.flags
    assert third.cut_percent_of_current.quantize(D("0.01")) == D("33.33")
    assert any("beyond the 25%" in flag for flag in third.flags)
    assert any("7 days after the step before" in flag for flag in third.flags)
    assert stop.is_stop
    codes = {warning.code for warning in checked.warnings}
    assert codes == {"cut-beyond-pace", "interval-under-pace", "final-cut-largest"}
    assert checked.paces == guidance.paces_for("benzodiazepines")


def test_diazepam_equivalents_from_each_source_not_averaged():
    checked = planner.check_plan(
        given((None, "2"), (None, "1")), drug_class_slug="benzodiazepines", drug_slug="lorazepam"
    )
    by_source = {equivalent.source.key: equivalent.diazepam_mg for equivalent in checked.equivalents}
    assert by_source == {"ashton": D("20"), "va_dod": D("10"), "nhs_scotland": D("20")}
    assert checked.equivalent_range == (D("10"), D("20"))


def test_a_plan_within_the_paces_has_no_flags():
    checked = planner.check_plan(
        given(("2026-01-01", "20"), ("2026-01-29", "18"), ("2026-02-26", "16.2")),
        drug_class_slug="antidepressants",
        drug_slug="sertraline",
    )
    assert not any(step.flags for step in checked.steps) and not checked.warnings
    assert checked.equivalents == ()


def test_outside_the_paces_scope_nothing_is_claimed():
    checked = planner.check_plan(
        given(("2026-01-01", "800"), ("2026-01-15", "400")),
        drug_class_slug="mood-stabilisers",
        drug_slug="lithium",
    )
    assert checked.paces == () and not checked.steps[1].flags


def test_start_dose_weeks_and_end_dose_read_as_equal_weekly_cuts():
    plan = planner.linear_plan(start_dose=D("20"), end_dose=D("0"), weeks=4, start_date=date(2026, 1, 1))
    assert [dose for _when, dose in plan] == [20, 15, 10, 5, 0]
    assert plan[-1][0] == date(2026, 1, 29)


# --- The page -------------------------------------------------------------------------------------


@pytest.fixture
def lorazepam(db, benzo_class):
    return Drug.objects.create(name="Lorazepam", slug="lorazepam", drug_class=benzo_class)


def results_text(response) -> str:
    body = response.content.decode()
    section = body[body.index('<section id="results"') :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))


def test_check_page_shows_steps_paces_sources_and_equivalents(client, lorazepam):
    response = client.get(URL, {"drug": "lorazepam", "given_steps": LORAZEPAM_PLAN, "acknowledged": "on"})
    assert response.status_code == 200
    text = results_text(response)
    assert "33.33%" in text and "beyond the 25% the published paces describe" in text
    assert "Joint benzodiazepine tapering guideline (ASAM and partners, 2025)" in text
    assert "Maudsley Deprescribing Guidelines (2024)" in text
    assert "about 10 mg of diazepam by VA/DoD" in text and "from about 10 to 20 mg of diazepam" in text
    for word in ("wrong", "unsafe", "dangerous", "too fast"):
        assert word not in text.lower()
    assertContains(response, 'action="/tapering/planner/check/#results"')
    assertContains(response, "format=prescriber")


def test_check_page_with_start_weeks_and_end(client):
    response = client.get(URL, {"start_dose": "20", "weeks": "4", "end_dose": "0", "acknowledged": "on"})
    text = results_text(response)
    assert "33.33%" in text and "50%" in text


def test_prescriber_summary_from_the_check(client, lorazepam):
    response = client.get(
        URL,
        {"drug": "lorazepam", "given_steps": LORAZEPAM_PLAN, "acknowledged": "on", "format": "prescriber"},
    )
    assertContains(response, "summary for my prescriber")
    assertContains(response, "The plan I was given")
    assertContains(response, "Questions I would like to ask")
    assertContains(response, "arithmetic, not medical advice")
    assertContains(response, "Joint benzodiazepine tapering guideline (ASAM and partners, 2025)")
    assertContains(response, '<meta name="robots" content="noindex">')


@pytest.mark.parametrize(
    "steps",
    [
        "abc",
        "2026-01-01 20\n15",
        "2026-02-01 20\n2026-01-01 15",
        "2026-02-30 20\n2026-03-01 10",
        "0\n0",
        "20",
        "2026-01-01 99999\n2026-01-15 1",
        "\x00",
        "20\n" * 201,
    ],
)
def test_bad_steps_get_an_error_not_a_server_error(client, steps):
    response = client.get(URL, {"given_steps": steps, "acknowledged": "on"})
    assert response.status_code == 200
    assertContains(response, 'id="errors"')
    assertNotContains(response, "check-table")


def test_nothing_entered_asks_for_one_of_the_two_forms(client):
    response = client.get(URL, {"acknowledged": "on"})
    assertContains(response, "Enter the steps, or a starting dose, a number of weeks and an end dose.")
    response = client.get(URL, {"start_dose": "20", "acknowledged": "on"})
    assertContains(response, 'href="#id_weeks"')


def test_drug_alone_prefills_without_errors(client, lorazepam):
    response = client.get(URL, {"drug": "lorazepam"})
    assertContains(response, '<option value="lorazepam" selected>')
    assertNotContains(response, "errorlist")
    assertNotContains(response, 'id="errors"')


def test_check_page_query_budget(client, lorazepam, make_drug, django_assert_max_num_queries):
    for number in range(20):
        make_drug(f"Extra {number}")
    with django_assert_max_num_queries(4):
        client.get(URL, {"drug": "lorazepam", "given_steps": LORAZEPAM_PLAN, "acknowledged": "on"})
