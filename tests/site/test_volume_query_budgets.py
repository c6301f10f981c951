"""Lists stay paginated with a constant number of queries as the content grows.

Uses the benchmark's own loader (withdrawal_site/bench/volumes.py) at a small
and a four-times larger volume, every list beyond one page, and checks each
main page type makes the same number of queries at both and never shows more
than one page of items. The page cache is off: these are the uncached pages.
"""

import pytest
from django.core.management import call_command

from tests.queries import count_queries
from withdrawal_site.bench import pages, volumes

pytestmark = pytest.mark.django_db

SMALL = {"articles": 12, "services": 25, "experiences": 25, "tips": 25}
EXTRA = {"articles": 36, "services": 75, "experiences": 75, "tips": 75}


def query_counts(client, urls):
    counts = {label: count_queries(client, url) for label, url in urls}
    bodies = {label: client.get(url).content.decode() for label, url in urls}
    return counts, bodies


def test_every_page_type_keeps_its_query_count_and_pagination_as_volumes_grow(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    volumes.load(**SMALL)
    urls = [*pages.page_urls(), ("experiences", "/experiences/"), ("tag", "/tags/sleep/")]
    small, _ = query_counts(client, urls)

    volumes.load(**EXTRA, prefix="bench-more-")
    large, bodies = query_counts(client, urls)

    assert large == small
    assert bodies["tips"].count("Bench tip") <= 20
    assert bodies["experiences"].count("Bench experience") <= 20
    assert bodies["article list"].count("Bench article") <= 10
    assert bodies["directory, filtered"].count("Bench Support Network") <= 20
    assert 'rel="next"' in bodies["tips"] or "?page=2" in bodies["tips"]
    assert max(large.values()) <= 12, large
