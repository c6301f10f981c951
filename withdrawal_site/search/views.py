from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    # Issue 7 builds the index and ranking; until then the form and an empty state.
    query = request.GET.get("q", "")[:200]
    return render(request, "search/results.html", {"query": query})
