"""The site's URLs plus two public-looking pages that must never be stored.

A real page that both looks public and carries a CSRF token or a message does
not exist today; these stand in for one that someone adds later, so the
response checks (not only the path deny-list) are proven.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from withdrawal_site.urls import urlpatterns as site_urlpatterns


def page_with_csrf_token(request):
    return HttpResponse(f"<form><input name='csrfmiddlewaretoken' value='{get_token(request)}'></form>")


def page_that_sets_a_cookie(request):
    response = HttpResponse("Hello")
    response.set_cookie("tracking", "per-visitor-value")
    return response


def page_with_a_message(request):
    messages.info(request, "A message for this visitor only")
    return HttpResponse("Your message is waiting")


urlpatterns = [
    path("test-csrf-page/", page_with_csrf_token),
    path("test-cookie-page/", page_that_sets_a_cookie),
    path("test-message-page/", page_with_a_message),
    *site_urlpatterns,
]
