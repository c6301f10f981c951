"""The home page's "Find support near you" box never leads to an empty page without a word (issue 14)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db

NOTHING_MATCHES = "No services match these filters"


def test_the_words_people_type_give_results_or_the_national_and_online_fallback(client):
    call_command("load_demo", verbosity=0)
    home = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    action = re.search(
        r'<form method="get" action="([^"]+)"[^>]*role="search">\s*<label for="home-directory-q"', home
    )
    assert action and action.group(1) == reverse("charities:list")

    outcomes = {}
    for words in ("Manchester", "helpline", "sertraline"):
        response = client.get(action.group(1), {"q": words}, HTTP_ACCEPT_LANGUAGE="en-GB")
        assert response.status_code == 200
        shown = list(response.context["services"]) + list(response.context["crisis_lines"])
        assert shown, words
        assertNotContains(response, NOTHING_MATCHES)
        if response.context["fallback"]:
            assertContains(response, "Nothing local matches your search.")
        outcomes[words] = response.context["fallback"]
    # Nothing in the directory is in Manchester: it says so and shows what people in the UK can use.
    assert outcomes == {"Manchester": True, "helpline": False, "sertraline": False}
