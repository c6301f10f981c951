"""The one way tests count the queries a page costs.

For a fixed budget use pytest-django's `django_assert_num_queries` /
`django_assert_max_num_queries`; to compare a page with itself at two volumes
(the usual "does not grow" test), count with this.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str, params: dict | None = None, *, warm: bool = True) -> int:
    """Queries for one GET of `url`, which must answer 200.

    `warm` first fetches the page once so per-process caches (content types, the
    disclaimer texts) are full, as they are on a live site, and only the page's
    own queries are counted.
    """
    if warm:
        client.get(url, params or {})
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(context.captured_queries)
