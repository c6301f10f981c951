"""The /search/ page: states, filters, pagination, hostile input, query budget."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db

URL = reverse("search:results")


def test_empty_state_points_to_directory_and_crisis(client):
    response = client.get(URL)
    assert response.status_code == 200
    assertContains(response, '<meta name="robots" content="noindex">', html=False)
    assertContains(response, 'href="/support/"')
    assertContains(response, 'href="/crisis/"')
    assertNotContains(response, "search-results")


def test_results_show_kind_title_link_and_snippet(client, corpus):
    response = client.get(URL, {"q": "sertraline"})
    assertContains(response, '<meta name="robots" content="noindex">', html=False)
    assertContains(response, '<a href="/drugs/sertraline/">Sertraline</a>', html=True)
    assertContains(response, "Drug")
    assertContains(response, "<mark>", html=False)
    assertContains(response, "2 results")


def test_no_results_state_points_to_directory_and_crisis(client, corpus):
    response = client.get(URL, {"q": "xylophone quasar"})
    assert response.status_code == 200
    assertContains(response, "Nothing found for")
    assertContains(response, 'href="/support/"')
    assertContains(response, 'href="/crisis/"')


def test_type_filter_narrows_and_counts(client, corpus):
    response = client.get(URL, {"q": "sertraline"})
    assertContains(response, "Drug (1)")
    assertContains(response, "Tapering method (1)")
    assertContains(response, "All (2)")
    response = client.get(URL, {"q": "sertraline", "type": "method"})
    assertContains(response, "Liquid titration")
    assertNotContains(response, '<a href="/drugs/sertraline/">')
    assertContains(response, 'aria-current="page">Tapering method (1)', html=False)


def test_type_with_no_results_offers_all_kinds(client, corpus):
    response = client.get(URL, {"q": "sertraline", "type": "listing"})
    assertContains(response, "Nothing of this type")
    assertContains(response, "Show all results")


@pytest.mark.parametrize("kind", ["bogus", "", "<b>", "drug\x00", "ARTICLE"])
def test_bad_type_is_ignored(client, corpus, kind):
    response = client.get(URL, {"q": "sertraline", "type": kind})
    assert response.status_code == 200
    assertContains(response, "All (2)")


@pytest.fixture
def many_tips(index_doc):
    for number in range(45):
        index_doc(
            kind="tip", title=f"Tip {number} about sleep", body="Rest when you can.", url=f"/tips/{number}/"
        )


def test_pagination(client, many_tips):
    first = client.get(URL, {"q": "sleep"})
    assertContains(first, "45 results")
    assertContains(first, "Page 1 of 3")
    assertContains(first, "q=sleep&amp;page=2", html=False)
    last = client.get(URL, {"q": "sleep", "page": "3"})
    assert len(last.context["page_obj"].object_list) == 5


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "1e9", "", "2.5", "\x00", "9" * 50])
def test_bad_page_values_give_a_page(client, many_tips, page):
    response = client.get(URL, {"q": "sleep", "page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number in {1, 3}


HOSTILE = [
    "<script>alert(1)</script>",
    '"',
    '""',
    "'",
    "-",
    "--",
    "OR",
    "or or",
    "a OR",
    "-sertraline",
    "!",
    "&|!():*",
    "sertraline:*",
    "\\",
    "%",
    "_",
    "\x00",
    "sert\x00raline",
    "\x01\x02\x1f",
    "x" * 5000,
    "sertraline " * 500,
    "ząbki żółw Ελληνικά 日本語 🙂",
    "' OR 1=1; DROP TABLE search_searchentry; --",
    "<mark>fake</mark>",
    "\ue000marker\ue001",
    "the",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_normal_escaped_page(client, corpus, query):
    response = client.get(URL, {"q": query, "type": "drug"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "<mark>fake" not in content
    assert "\x00" not in content
    assert len(response.context["query"]) <= 200


def test_query_is_escaped_in_the_page(client, corpus):
    response = client.get(URL, {"q": '<img src=x onerror=alert(1)> "quoted"'})
    assertNotContains(response, "<img src=x", html=False)
    assertContains(response, "&lt;img src=x onerror=alert(1)&gt;", html=False)


def test_snippet_is_escaped_except_our_marks(client, index_doc):
    index_doc(title="Markup", body="<script>alert('x')</script> sertraline & water <b>bold</b>", url="/m/")
    response = client.get(URL, {"q": "sertraline"})
    content = response.content.decode()
    snippet = content.split('class="search-snippet">')[1].split("</p>")[0]
    # PostgreSQL's ts_headline drops tag-like text; the fallback escapes it. Never raw.
    assert "<script" not in snippet
    assert "<b>" not in snippet
    assert "&amp;" in snippet
    assert "<mark>sertraline</mark>" in snippet


def test_a_document_url_that_is_not_a_web_address_is_not_linked(client, index_doc):
    index_doc(title="Odd link", url="javascript:alert(1)")
    response = client.get(URL, {"q": "odd link"})
    assertNotContains(response, "javascript:", html=False)


def test_only_get_is_allowed(client):
    assert client.post(URL, {"q": "x"}).status_code == 405


def test_query_budget_does_not_grow_with_results(client, index_doc, django_assert_max_num_queries):
    for number in range(60):
        index_doc(kind="tip", title=f"Slow taper {number}", body="Reduce by a tenth.", url=f"/t/{number}/")
    # The per-kind counts and the page; the session/disclaimer layer may add a couple.
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"q": "taper"})
    assertContains(response, "60 results")


def test_query_budget_with_a_correction(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(URL, {"q": "diazepan"})
    assert response.status_code == 200


def test_empty_query_runs_no_search(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        assert client.get(URL, {"q": "  "}).status_code == 200


def test_did_you_mean_when_nothing_matches(client, corpus):
    response = client.get(URL, {"q": "diazepan"})
    assertContains(response, "Showing results for")
    assertContains(response, '<a href="/drugs/diazepam/">Diazepam</a>', html=True)


@pytest.fixture
def small_limits(monkeypatch):
    """Make "very many matches" small enough to test: more than 5 is capped."""
    from withdrawal_site.search import query

    monkeypatch.setattr(query, "COUNT_LIMIT", 5)
    monkeypatch.setattr(query, "TITLE_CANDIDATES", 3)
    monkeypatch.setattr(query, "BODY_CANDIDATES", 4)


def test_very_many_matches_are_capped_and_still_paginate(client, index_doc, small_limits):
    for number in range(12):
        index_doc(kind="tip", title=f"Note {number}", body="Rest and sleep.", url=f"/n/{number}/")
    index_doc(kind="article", title="Sleep", body="All about sleep.", url="/sleep/")
    response = client.get(URL, {"q": "sleep"})
    assert response.status_code == 200
    assertContains(response, "More than 5 results")
    assertContains(response, ">All</a>", html=False)
    hits = response.context["page_obj"].object_list
    assert hits[0].title == "Sleep"  # a title match is always a candidate, and ranks first
    assert client.get(URL, {"q": "sleep", "page": "99"}).status_code == 200
    filtered = client.get(URL, {"q": "sleep", "type": "tip"})
    assert filtered.status_code == 200
    assert all(hit.kind == "tip" for hit in filtered.context["page_obj"].object_list)


def test_capped_search_query_budget(client, index_doc, small_limits, django_assert_max_num_queries):
    for number in range(30):
        index_doc(kind="tip", title=f"Sleep note {number}", body="Rest and sleep.", url=f"/n/{number}/")
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"q": "sleep", "type": "tip"})
    assert response.status_code == 200
