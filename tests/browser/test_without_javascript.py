"""Everything works with JavaScript switched off: plain forms, server-drawn chart."""

import pytest
from django.urls import reverse

from moderation.models import Submission

from .helpers import goto
from .pages import planner_with_schedule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_first_visit_notice_can_be_dismissed(live_server, no_js_page):
    page = no_js_page
    goto(page, live_server.url + reverse("about"))
    notice = page.locator(".first-visit-notice")
    assert notice.is_visible()

    page.get_by_role("button", name="I understand, hide this").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + reverse("about"), "dismissing should return to the same page"
    assert notice.count() == 0

    goto(page, live_server.url + reverse("home"))
    assert page.locator(".first-visit-notice").count() == 0, "the notice came back on the next page"


def test_planner_draws_table_and_chart(demo, live_server, no_js_page):
    page = no_js_page
    goto(page, live_server.url + planner_with_schedule())
    assert page.locator("table.planner-table tbody tr").count() > 5
    assert page.locator("table.planner-table").is_visible()
    chart = page.locator(".planner-chart svg")
    assert chart.is_visible()
    assert chart.locator("path, polyline, line").count() > 0


def test_tip_can_be_contributed(demo, live_server, no_js_page):
    page = no_js_page
    goto(page, live_server.url + reverse("moderation:contribute_kind", args=["tip"]))
    page.locator("[name=title]").fill("Writing the day's dose on the box")
    page.locator("[name=body]").fill(
        "A note on each box of tablets helped me keep track of the smaller steps."
    )
    page.locator("[name=pseudonym]").fill("Sam")
    page.locator("[name=agree_terms]").check()
    # The form refuses anything sent faster than a person could fill it in.
    page.wait_for_timeout(3_200)
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == "Your contribution"
    status_link = page.locator(".status-link").inner_text()
    submission = Submission.objects.get(data__title="Writing the day's dose on the box")
    assert status_link.endswith(reverse("moderation:status", args=[submission.reference]))
    assert submission.status == Submission.Status.PENDING
