"""Keyboard users can skip to the content and always see where the focus is."""

import pytest

from .helpers import goto

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def focused_outline_style(page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_skip_link_is_first_visible_and_moves_focus_to_main(live_server, page):
    goto(page, live_server.url + "/")
    viewport = page.viewport_size

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')"), (
        f"first Tab focused {page.evaluate('document.activeElement.outerHTML')[:200]}"
    )
    box = page.locator(".skip-link").bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["x"] >= 0, f"skip link is off screen when focused: {box}"
    assert box["y"] + box["height"] <= viewport["height"] and box["x"] + box["width"] <= viewport["width"]
    assert focused_outline_style(page) != "none", "the focused skip link has no outline"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN", (
        "Enter on the skip link left main unfocused"
    )

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "the Tab after skipping did not land inside main"
    assert focused_outline_style(page) != "none", (
        f"no visible outline on {page.evaluate('document.activeElement.outerHTML')[:200]}"
    )
