from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from . import query as search_query
from .documents import SearchKind


def _filters(query: str, kind: str, results: search_query.SearchResults) -> list[dict]:
    """Links to narrow the results by kind, with counts; kinds with no results are left out."""
    filters = [
        {
            "label": gettext("All"),
            "count": None if results.capped else results.total_all_kinds,
            "query_string": urlencode({"q": query}),
            "current": not kind,
        }
    ]
    for value, label in SearchKind.choices:
        count = results.counts.get(value, 0)
        if count or value == kind:
            filters.append(
                {
                    "label": label,
                    # Counts of a capped search are from a sample: show none.
                    "count": None if results.capped else count,
                    "query_string": urlencode({"q": query, "type": value}),
                    "current": value == kind,
                }
            )
    return filters


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """`/search/?q=&type=&page=`: any input gives a normal page, never an error."""
    query = search_query.clean_query(request.GET.get("q", ""))
    kind = request.GET.get("type", "")
    if kind not in SearchKind.values:
        kind = ""
    context = {
        "query": query,
        "kind": kind,
        "max_query_length": search_query.MAX_QUERY_LENGTH,
        "directory_url": reverse("charities:list"),
        "crisis_url": reverse("charities:crisis"),
    }
    if query:
        results = search_query.search(query, kind=kind, page=request.GET.get("page"))
        run_query = results.corrected_query or query
        context.update(
            results=results,
            page_obj=results.page,
            filters=_filters(run_query, kind, results),
            query_string=urlencode({"q": run_query, **({"type": kind} if kind else {})}),
            all_kinds_query_string=urlencode({"q": run_query}),
            suggestion_query_string=urlencode({"q": results.suggestion, **({"type": kind} if kind else {})}),
        )
    return render(request, "search/results.html", context)
