"""The support directory on a phone (390 px), with axe; the directory admin at 1280 px (issue 14)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from charities.models import Organization
from withdrawal_site.accounts.roles import ADMINS

from .conftest import EDITOR_PASSWORD
from .helpers import goto, sign_in
from .test_axe import axe_failures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def directory_pages() -> list[tuple[str, str]]:
    listing = Organization.objects.listed().filter(services__phones__isnull=False).first()
    support = reverse("charities:list")
    return [
        ("directory, filtered", f"{support}?country=GB&drug_class=benzodiazepines&language=en"),
        ("directory, search with fallback", f"{support}?q=Manchester"),
        ("directory, type and open now", f"{support}?type=helpline&open_now=1"),
        ("listing", listing.get_absolute_url()),
    ]


def test_the_directory_and_a_listing_pass_axe_and_fit_a_phone(demo, live_server, phone_page):
    failures = axe_failures(phone_page, live_server.url, directory_pages())
    for name, path in directory_pages():
        goto(phone_page, live_server.url + path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            failures.append(f"{name} ({path}) scrolls sideways: {width}px wide")
    assert not failures, "\n".join(failures)


@pytest.fixture
def browser_admin(django_user_model, transactional_db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user(
        "browser-admin", "browser-admin@example.org", EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=ADMINS))
    TOTPDevice.objects.create(user=user, name="browser authenticator", confirmed=True)
    return user


def test_the_service_change_list_fits_1280_px(demo, live_server, browser_admin, desktop_page):
    sign_in(desktop_page, live_server.url, browser_admin)
    goto(desktop_page, live_server.url + reverse("admin:charities_service_changelist"))
    for column in ("type", "status", "crisis", "verification", "verifier"):
        header = desktop_page.locator(f"#result_list thead th.column-{column}")
        box = header.bounding_box()
        assert box is not None and header.is_visible(), f"no {column} column"
        assert box["x"] + box["width"] <= DESKTOP["width"], f"{column} column is off-screen ({box})"
    # The results table scrolls inside its own box: a column cut off there is off-screen too.
    results = desktop_page.locator("#changelist .results")
    assert results.evaluate("box => box.scrollWidth <= box.clientWidth"), "the columns do not fit"
    assert desktop_page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
