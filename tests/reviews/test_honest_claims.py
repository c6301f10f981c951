"""No page, meta description or default disclaimer says content was checked when it was not."""

import pytest
from django.core.management import call_command

from withdrawal_site.disclaimers.models import Disclaimer

pytestmark = pytest.mark.django_db

FALSE_CLAIMS = ("checked by volunteer editors", "We check them", "reviewed by our editors")
PAGES = ["/", "/tips/", "/experiences/", "/articles/", "/disclaimer/", "/crisis/", "/drugs/", "/tapering/"]


def test_default_disclaimers_claim_no_check():
    texts = [f"{d.summary} {d.body} {d.body_html}" for d in Disclaimer.objects.all()]
    assert texts
    for text in texts:
        for claim in FALSE_CLAIMS:
            assert claim not in text
    assert "whether an editor has reviewed it" in Disclaimer.objects.get(key="site", language="en").body
    assert (
        "Nobody\nchecks them for medical accuracy"
        in Disclaimer.objects.get(key="community", language="en").body
    )


@pytest.mark.parametrize("url", PAGES)
def test_pages_make_no_false_claim_of_checking(client, url):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    html = response.content.decode()
    for claim in FALSE_CLAIMS:
        assert claim not in html, (url, claim)


def test_demo_drug_page_says_it_is_unreviewed_once(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    html = client.get("/drugs/diazepam/").content.decode()
    assert html.count("An editor has not reviewed this page yet.") == 1
    assert "Not yet reviewed" not in html
