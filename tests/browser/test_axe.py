"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations on any page type."""

import pytest

from .helpers import goto, sign_in
from .pages import editor_pages, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_failures(page, base_url: str, pages: list[tuple[str, str]]) -> list[str]:
    # Imported here so that without it the tests skip (or fail in CI) through the browser fixture.
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    failures = []
    for name, path in pages:
        goto(page, base_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.response["passes"], f"axe checked nothing on {path}: did it run?"
        if results.violations_count:
            failures.append(f"--- {name} ({path}) ---\n{results.generate_report()}")
    return failures


def test_public_pages_have_no_axe_violations(demo, live_server, page):
    failures = axe_failures(page, live_server.url, public_pages())
    assert not failures, "\n".join(failures)


def test_editor_pages_have_no_axe_violations(demo, live_server, browser_editor, page):
    sign_in(page, live_server.url, browser_editor)
    failures = axe_failures(page, live_server.url, editor_pages())
    assert not failures, "\n".join(failures)
