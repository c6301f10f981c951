from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import Disclaimer


@require_safe
def disclaimer_page(request: HttpRequest) -> HttpResponse:
    """The full disclaimer: the site text first, then each page-type text."""
    disclaimers = sorted(Disclaimer.objects.all(), key=lambda d: d.key != "site")
    return render(request, "disclaimers/disclaimer.html", {"disclaimers": disclaimers})
