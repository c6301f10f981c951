"""The private journal in a real browser: JavaScript off to use it, on only to run axe and measure."""

import re

import pytest
from django.urls import reverse

from .helpers import goto
from .test_axe import WCAG_TAGS
from .test_layout import NARROW, OVERFLOWING_ELEMENTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def start_journal(page, base_url: str) -> str:
    """Start a journal through the start page; returns the journal page's address."""
    goto(page, base_url + reverse("journal:new"))
    page.get_by_role("button", name="Start my journal").click()
    page.wait_for_load_state()
    assert re.search(r"/journal/[A-Za-z0-9_-]{65}/welcome/$", page.url), page.url
    link = page.get_by_label("Your private link").input_value()
    page.get_by_role("link", name="Open my journal").click()
    page.wait_for_load_state()
    assert page.url == link
    return link


def add_entry(page, *, day: str, dose: str, rating: str, wave: bool = False, note: str = "") -> None:
    page.get_by_role("link", name="Add an entry").first.click()
    page.wait_for_load_state()
    page.get_by_label("Date").fill(day)
    page.get_by_label("Dose taken (mg)").fill(dose)
    page.get_by_label("How was today?").select_option(rating)
    page.get_by_label("Brain zaps").select_option("2")
    if wave:
        page.get_by_label("Wave (symptoms came back or got worse)").check()
    if note:
        page.get_by_label("Note (optional)").fill(note)
        page.get_by_label("Include this note in the printable summary").check()
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_load_state()
    assert page.get_by_text("Entry saved.").is_visible()


def test_create_a_journal_add_entries_and_print_the_summary_without_javascript(live_server, no_js_page):
    page = no_js_page
    journal_url = start_journal(page, live_server.url)
    add_entry(page, day="2026-11-01", dose="20", rating="6")
    add_entry(page, day="2026-11-20", dose="18", rating="3", wave=True, note="Wave nine days after the cut")
    assert page.locator("table.journal-table tbody tr").count() == 2
    assert page.locator("svg.journal-chart").is_visible()
    assert page.locator("svg.journal-chart .journal-chart__cut").count() == 1
    assert page.get_by_text("20 mg to 18 mg").is_visible()

    page.get_by_role("link", name="Summary for my prescriber").click()
    page.wait_for_load_state()
    assert page.get_by_text("Wave nine days after the cut").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert page.get_by_text("not a diagnosis or medical advice").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "the summary should print on one page"

    page.emulate_media(media="screen")
    goto(page, journal_url)
    page.get_by_role("link", name="Delete this journal").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Delete this journal for good").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Your journal has been deleted").is_visible()
    assert page.goto(journal_url).status == 404


def test_journal_pages_have_no_axe_violations_and_fit_320_px(live_server, browser):
    from axe_playwright_python.sync_playwright import Axe

    # Made without JavaScript, then checked with it (axe runs in the page).
    maker = browser.new_context(java_script_enabled=False).new_page()
    journal_url = start_journal(maker, live_server.url)
    add_entry(maker, day="2026-11-01", dose="20", rating="1", note="A hard day")
    add_entry(maker, day="2026-11-20", dose="18", rating="0", wave=True)
    secret = journal_url.rstrip("/").rsplit("/", 1)[1]
    maker.context.close()

    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    axe = Axe()
    paths = [reverse("journal:new")] + [
        reverse(f"journal:{name}", kwargs={"secret": secret})
        for name in ("detail", "welcome", "entry_add", "summary", "import", "delete")
    ]
    failures, overflowing = [], []
    for path in paths:
        goto(page, live_server.url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.response["passes"], f"axe checked nothing on {path}"
        if results.violations_count:
            failures.append(f"--- {path} ---\n{results.generate_report()}")
        wide = page.evaluate(OVERFLOWING_ELEMENTS)
        if wide:
            overflowing.append(f"{path}: {wide}")
    context.close()
    assert not failures, "\n".join(failures)
    assert not overflowing, "\n".join(overflowing)
