"""Readable on a narrow screen (320 CSS px, the width of a 640 px window at 200% zoom)."""

import pytest

from .helpers import goto, sign_in
from .pages import editor_pages, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NARROW = {"width": 320, "height": 568}

# Elements (outside a .table-wrap, which scrolls on its own) that stick out to the right.
OVERFLOWING_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => !el.closest(".table-wrap") && el.getBoundingClientRect().right > width + 0.5)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} (right edge `
      + `${Math.round(el.getBoundingClientRect().right)}px)`);
}"""


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport=NARROW)
    yield context.new_page()
    context.close()


def visit_every_page(page, base_url: str, editor, check) -> list[str]:
    """Run `check(page)` on every public page, then signed in on the editors' pages."""
    failures = []
    for name, path in public_pages():
        goto(page, base_url + path)
        if problem := check(page):
            failures.append(f"{name} ({path}): {problem}")
    sign_in(page, base_url, editor)
    for name, path in editor_pages():
        goto(page, base_url + path)
        if problem := check(page):
            failures.append(f"{name} ({path}): {problem}")
    return failures


def horizontal_scroll(page) -> str | None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width <= NARROW["width"]:
        return None
    return f"scrolls sideways ({scroll_width}px wide): {page.evaluate(OVERFLOWING_ELEMENTS)}"


def crisis_link_hidden(page) -> str | None:
    link = page.locator(".site-header .crisis-link")
    box = link.bounding_box() if link.count() == 1 else None
    if box is None or not link.is_visible():
        return "no visible crisis link in the header"
    if (
        box["y"] < 0
        or box["y"] + box["height"] > NARROW["height"]
        or box["x"] + box["width"] > NARROW["width"]
    ):
        return f"crisis link not in the first screen: {box}"
    return None


def test_no_page_scrolls_sideways_at_320px(demo, live_server, browser_editor, narrow_page):
    failures = visit_every_page(narrow_page, live_server.url, browser_editor, horizontal_scroll)
    assert not failures, "\n".join(failures)


def test_crisis_link_is_in_the_first_screen_at_320px(demo, live_server, browser_editor, narrow_page):
    failures = visit_every_page(narrow_page, live_server.url, browser_editor, crisis_link_hidden)
    assert not failures, "\n".join(failures)
