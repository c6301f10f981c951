"""The planner in a real browser: axe with results and with errors at phone and desktop widths,
results and errors shown where the visitor is, scrolling regions reachable by keyboard."""

import re

import pytest
from django.urls import reverse

from .helpers import goto

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
RESULTS = (
    "?drug=sertraline&start_dose=72.9&cut_percent=10&days_per_step=28&stop_below=8&liquid_mg=20&liquid_ml=1"
    "&hold_steps=3&acknowledged=on#results"
)
ERRORS = "?start_dose=abc&cut_percent=10&days_per_step=28&stop_below=&#results"
CHECK = (
    "?drug=lorazepam&given_steps=2026-01-01+2%0A2026-01-15+1.5%0A2026-01-22+1%0A2026-01-29+0"
    "&acknowledged=on#results"
)


@pytest.fixture(params=sorted(WIDTHS))
def sized_page(request, browser):
    context = browser.new_context(viewport=WIDTHS[request.param])
    yield context.new_page()
    context.close()


def axe_violations(page) -> str:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.response["passes"], "axe checked nothing: did it run?"
    return results.generate_report() if results.violations_count else ""


@pytest.mark.parametrize(
    ("url_name", "query"),
    [
        ("resources:planner", RESULTS),
        ("resources:planner", ERRORS),
        ("resources:plan_check", CHECK),
        ("resources:plan_check", "?given_steps=abc&acknowledged=on#results"),
        ("resources:planner", RESULTS.replace("#results", "&format=prescriber")),
    ],
    ids=["planner-results", "planner-errors", "check-results", "check-errors", "prescriber"],
)
def test_planner_pages_have_no_axe_violations(demo, live_server, sized_page, url_name, query):
    goto(sized_page, live_server.url + reverse(url_name) + query)
    report = axe_violations(sized_page)
    assert not report, report


def test_submitting_lands_on_the_results(demo, live_server, sized_page):
    page = sized_page
    goto(page, live_server.url + reverse("resources:planner") + "?drug=sertraline")
    assert page.locator(".errorlist").count() == 0
    page.get_by_label("Starting dose (mg)").fill("72,9")
    page.get_by_label("Stop when the dose falls below (mg)").fill("8")
    page.get_by_label("I understand this is arithmetic", exact=False).check()
    page.get_by_role("button", name="Show the schedule").click()
    page.wait_for_load_state()
    assert page.url.endswith("#results")
    assert page.evaluate("document.querySelector(':target').id") == "results"
    top = page.evaluate("document.getElementById('results').getBoundingClientRect().top")
    assert -2 <= top < 100, f"results begin {top}px from the top of the window"


def test_errors_are_where_the_visitor_is_and_link_to_their_fields(demo, live_server, sized_page):
    page = sized_page
    goto(page, live_server.url + reverse("resources:planner"))
    page.get_by_role("button", name="Show the schedule").click()
    page.wait_for_load_state()
    top = page.evaluate("document.getElementById('errors').getBoundingClientRect().top")
    assert -2 <= top < 150, f"the error summary begins {top}px from the top of the window"
    page.locator("#errors a[href='#id_start_dose']").click()
    assert page.evaluate("document.activeElement.id") == "id_start_dose"


def test_scrolling_regions_are_keyboard_reachable_at_320px(demo, live_server, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    goto(page, live_server.url + reverse("resources:planner") + RESULTS.replace("#", "&syringe=1#"))
    for region in page.locator("[role=region][tabindex='0']").all():
        region.focus()
        assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
        assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    from .test_layout import OVERFLOWING_ELEMENTS

    assert page.evaluate(OVERFLOWING_ELEMENTS) == []
    caption = page.locator("#schedule-caption")
    assert caption.bounding_box()["x"] + caption.bounding_box()["width"] <= 320.5
    context.close()


def test_hold_steps_and_warnings_show_in_print(demo, live_server, page):
    goto(page, live_server.url + reverse("resources:planner") + RESULTS)
    page.emulate_media(media="print")
    assert page.locator(".guardrails").is_visible()
    assert page.locator(".planner-table tr.held").first.is_visible()
    assert not page.locator("form.planner-form").is_visible()


def test_the_prescriber_summary_of_a_long_schedule_prints_on_one_page(demo, live_server, page):
    # 0.5 mg at 10% down to 0.001 mg: 59 steps and a stop.
    query = (
        "?start_dose=0.5&cut_percent=10&days_per_step=28&stop_below=0.001&acknowledged=on&format=prescriber"
    )
    goto(page, live_server.url + reverse("resources:planner") + query)
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the summary prints on {pages} pages"
