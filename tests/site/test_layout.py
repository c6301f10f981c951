import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["home", "about", "privacy", "disclaimers:detail", "charities:crisis"])
def test_every_page_has_disclaimer_line_and_crisis_link(client, name):
    response = client.get(reverse(name))
    assertContains(response, "Information, not medical advice.")
    assertContains(response, 'href="/crisis/"')
    assertContains(response, "In crisis? Get help now")
    assertContains(response, 'href="/disclaimer/"')
    assertContains(response, 'class="skip-link" href="#main"')
