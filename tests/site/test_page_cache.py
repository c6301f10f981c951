# ruff: noqa: F811  (pytest fixtures imported from other apps are used as arguments)
"""The anonymous page cache: keys, what is never cached, invalidation, 304s, headers."""

import struct

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from charities.models import Organization
from moderation.models import Submission
from resources.models import DrugClass, Tip
from tests.articles.conftest import make_article  # noqa: F401
from tests.charities.conftest import make_listing  # noqa: F401
from tests.moderation.helpers import contribute_url, form_data
from tests.resources.conftest import drug_class, make_drug, make_tip  # noqa: F401
from withdrawal_site import page_cache
from withdrawal_site.disclaimers.models import Disclaimer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


HIT = page_cache.HIT_HEADER
NOTICE = "Welcome to Withdrawal Commons"


def served_from_cache(response) -> bool:
    return response.get(HIT) == "hit"


def get_twice(client, url, **extra):
    first = client.get(url, **extra)
    second = client.get(url, **extra)
    return first, second


# --- Stored and served --------------------------------------------------------------------------


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(client, django_assert_num_queries):
    first = client.get("/about/")
    assert first.status_code == 200 and first[HIT] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/about/")
    assert served_from_cache(second)
    assert second.content == first.content


def test_anonymous_pages_get_no_csrf_cookie_and_no_token(client, make_drug):
    drug = make_drug("Diazepam")
    for url in ["/", "/about/", reverse("resources:drug_detail", args=[drug.slug]), "/support/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "csrftoken" not in response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert not response.cookies, url
        assert response[HIT] == "miss", url


def test_a_cached_page_still_carries_the_security_headers(client):
    client.get("/about/")
    hit = client.get("/about/")
    assert served_from_cache(hit)
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert "camera=()" in hit["Permissions-Policy"]


def test_head_is_served_from_the_cache_without_a_body(client):
    client.get("/about/")
    response = client.head("/about/")
    assert served_from_cache(response)
    assert response.content == b""


def test_a_cache_outage_is_a_miss_and_the_page_is_still_served(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache, "_cache", broken)
    response = client.get("/about/")
    assert response.status_code == 200
    assertContains(response, "About Withdrawal Commons")

    class SetFails:
        get = staticmethod(cache.get)
        add = staticmethod(cache.add)
        set = staticmethod(broken)

    monkeypatch.setattr(page_cache, "_cache", SetFails)
    assert client.get("/about/").status_code == 200
    assert not served_from_cache(client.get("/about/"))


def test_a_lost_generation_never_falls_back_to_old_pages(client):
    client.get("/about/")
    old_generation = cache.get(page_cache.GENERATION_KEY)
    cache.delete(page_cache.GENERATION_KEY)
    response = client.get("/about/")
    assert response[HIT] == "miss"
    assert cache.get(page_cache.GENERATION_KEY) not in (None, old_generation)


# --- Keys ---------------------------------------------------------------------------------------


def test_key_includes_the_language(client, settings):
    """The language is in the path now (/es/, /pl/); the suggestion to switch depends on
    the browser's language and on the remembered choice, so all three are in the key."""
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]
    english = client.get("/about/", headers={"accept-language": "en"})
    spanish = client.get("/es/about/", headers={"accept-language": "en"})
    assert spanish[HIT] == "miss"
    assert '<html lang="es">' in spanish.content.decode()
    assert '<html lang="en">' in english.content.decode()
    suggested = client.get("/about/", headers={"accept-language": "es"})
    assert suggested[HIT] == "miss" and "language-suggestion" in suggested.content.decode()
    polish = Client()
    polish.cookies["django_language"] = "pl"
    by_cookie = polish.get("/about/", headers={"accept-language": "es"})
    assert by_cookie[HIT] == "miss" and "language-suggestion" not in by_cookie.content.decode()
    assert '<html lang="en">' in by_cookie.content.decode()
    again = client.get("/es/about/", headers={"accept-language": "en"})
    assert served_from_cache(again) and '<html lang="es">' in again.content.decode()
    again = client.get("/about/", headers={"accept-language": "es"})
    assert served_from_cache(again) and "language-suggestion" in again.content.decode()


def test_key_includes_the_first_visit_notice_state(client):
    shown = client.get("/about/")
    assertContains(shown, NOTICE)
    client.post(reverse("dismiss_notice"), {"next": "/about/"})
    dismissed = client.get("/about/")
    assert dismissed[HIT] == "miss"
    assertNotContains(dismissed, NOTICE)
    assert served_from_cache(client.get("/about/"))
    assertContains(Client().get("/about/"), NOTICE)  # a first visitor still sees it


def test_key_includes_the_visitor_country(client):
    client.get("/crisis/", headers={"accept-language": "en-GB"})
    assert served_from_cache(client.get("/crisis/", headers={"accept-language": "en-GB"}))
    assert client.get("/crisis/", headers={"accept-language": "en-US"})[HIT] == "miss"
    chosen = Client()
    chosen.cookies["wc_country"] = "pl"
    assert chosen.get("/crisis/", headers={"accept-language": "en-GB"})[HIT] == "miss"
    assert served_from_cache(chosen.get("/crisis/", headers={"accept-language": "en-GB"}))


@pytest.mark.parametrize(
    ("cookie", "accept_language", "country"),
    [
        # the visitor's choice / their browser's region: the page may use either
        ("gb", "", "GB/"),
        ("PL", "es-ES,es;q=0.9", "PL/ES"),
        ("", "es-ES,es;q=0.9", "/ES"),
        ("not-a-country", "en-GB", "/GB"),
        ("", "en", "/"),
        ("", "zh-Hant-TW", "/TW"),
        ("<script>", "*", "/"),
    ],
)
def test_visitor_country(cookie, accept_language, country):
    request = RequestFactory().get("/", headers={"accept-language": accept_language})
    if cookie:
        request.COOKIES["wc_country"] = cookie
    assert page_cache.visitor_country(request) == country


def test_query_parameters_are_sorted_and_unknown_ones_are_never_cached(client):
    client.get("/search/?q=sleep&type=tip")
    assert served_from_cache(client.get("/search/?type=tip&q=sleep"))
    assert client.get("/search/?q=other&type=tip")[HIT] == "miss"
    first, second = get_twice(client, "/search/?q=sleep&utm_source=news")
    assert first.status_code == 200 and HIT not in first and HIT not in second


def test_open_now_is_never_cached_because_it_depends_on_the_clock(client):
    first, second = get_twice(client, "/support/?open_now=1")
    assert HIT not in first and HIT not in second


def test_key_includes_host_and_scheme(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    client.get("/about/")
    assert client.get("/about/", HTTP_HOST="other.example")[HIT] == "miss"
    assert client.get("/about/", secure=True)[HIT] == "miss"


# --- Never personal -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["contributor_client", "editor_client", "admin_client_"])
def test_signed_in_people_are_never_served_or_stored(request, who):
    signed_in = request.getfixturevalue(who)
    anonymous = Client()
    anonymous.get("/about/")  # an anonymous copy is in the cache

    mine = signed_in.get("/about/")
    assert HIT not in mine
    assertContains(mine, "Signed in as")
    assert "no-store" in mine["Cache-Control"] and "private" in mine["Cache-Control"]
    assert "public" not in mine["Cache-Control"]

    cache.clear()
    signed_in.get("/about/")  # first in line this time
    theirs = anonymous.get("/about/")
    assert theirs[HIT] == "miss"
    assertNotContains(theirs, "Signed in as")
    assertNotContains(theirs, "csrfmiddlewaretoken")


def test_a_session_cookie_alone_bypasses_the_cache(client, settings):
    client.get("/about/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    response = client.get("/about/")
    assert HIT not in response
    assert "no-store" in response["Cache-Control"]


def test_a_message_is_never_cached_nor_served_a_cached_page(client, settings):
    settings.ROOT_URLCONF = "tests.site.page_cache_urls"
    first, second = get_twice(Client(), "/test-message-page/")
    assert first.cookies["messages"].value and "no-store" in first["Cache-Control"]
    assert not served_from_cache(second)

    client.get("/about/")
    storage = CookieStorage(HttpRequest())
    client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Your tip was sent")])
    with_message = client.get("/about/")
    assert HIT not in with_message
    assertContains(with_message, "Your tip was sent")
    assertNotContains(Client().get("/about/"), "Your tip was sent")


@pytest.mark.parametrize("url", ["/test-csrf-page/", "/test-cookie-page/"])
def test_responses_with_a_csrf_token_or_a_cookie_are_never_stored(client, settings, url):
    settings.ROOT_URLCONF = "tests.site.page_cache_urls"
    first = client.get(url)
    assert first.cookies  # the visitor's own token or cookie
    assert "no-store" in first["Cache-Control"]
    second = Client().get(url)
    assert not served_from_cache(second)
    if "csrf" in url:
        assert first.content != second.content  # each got their own token


def test_private_areas_are_never_cached(client, make_submission_reference):
    for url in [
        "/admin/login/",
        reverse("accounts:login"),
        reverse("moderation:contribute"),
        contribute_url("tip"),
        reverse("moderation:status", args=[make_submission_reference]),
        "/journal/",
        "/healthz",
    ]:
        first, second = get_twice(client, url)
        assert HIT not in first and HIT not in second, url


@pytest.fixture
def make_submission_reference(client, drug_classes):
    client.post(contribute_url("tip"), form_data("tip", drug_classes=["benzodiazepines"]))
    return Submission.objects.get().reference


def test_the_contribute_form_keeps_its_csrf_protection():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(contribute_url("tip"), form_data("tip"))
    assert response.status_code == 403


def test_errors_are_never_cached(client):
    first, second = get_twice(client, "/articles/no-such-article/")
    assert first.status_code == 404 and not served_from_cache(second)
    first, second = get_twice(client, "/about/?page=%ff%fe")
    assert first.status_code < 500


# --- Conditional requests and headers -----------------------------------------------------------


def test_public_pages_say_proxies_may_keep_them_briefly(client):
    response = client.get("/about/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]
    assert response["ETag"].startswith('"')
    hit = client.get("/about/")
    assert hit["Cache-Control"] == "public, max-age=60" and hit["ETag"] == response["ETag"]


def test_a_revisit_with_the_etag_gets_304_from_cache_and_when_rendering(client):
    etag = client.get("/about/")["ETag"]
    not_modified = client.get("/about/", headers={"if-none-match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert served_from_cache(not_modified)

    cache.clear()  # rendered afresh, the same page gives the same ETag
    assert client.get("/about/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/about/", headers={"if-none-match": '"something-else"'}).status_code == 200


def test_a_change_gives_a_new_etag(client, make_article):
    etag = client.get("/")["ETag"]
    make_article(title="Fresh news")
    response = client.get("/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assertContains(response, "Fresh news")


# --- Never stale --------------------------------------------------------------------------------


@pytest.fixture
def drug_classes(drug_class):
    return {
        slug: DrugClass.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})[0]
        for position, (slug, name) in enumerate(
            [("antidepressants", "Antidepressants"), ("benzodiazepines", "Benzodiazepines")], start=1
        )
    }


def warm(client, urls):
    for url in urls:
        client.get(url)
        assert served_from_cache(client.get(url)), url


def test_approving_a_tip_shows_it_on_every_page_at_once(
    editor_client, drug_classes, make_drug, make_tip, django_capture_on_commit_callbacks
):
    client = Client()  # anonymous: the fixture client is the signed-in one
    benzos = drug_classes["benzodiazepines"]
    drug = make_drug("Diazepam", drug_class=benzos)
    make_tip("An older tip", tags=["sleep"])  # so the tag page exists
    Client().post(contribute_url("tip"), form_data("tip", drug_classes=["benzodiazepines"]))
    submission = Submission.objects.get()
    pages = [
        reverse("resources:drug_detail", args=[drug.slug]),
        reverse("resources:tip_list"),
        "/search/?q=mornings",
        "/",
    ]
    warm(client, pages)
    for url in pages[:3]:
        assertNotContains(client.get(url), "Slow mornings")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("moderation:review", args=[submission.pk]),
            {"revision": submission.revision, "action": "approve"},
        )
    assert response.status_code == 302
    tip = Tip.objects.published().get(title="Slow mornings")

    for url in pages[:3]:
        fresh = client.get(url)
        assert fresh[HIT] == "miss", url
        assertContains(fresh, "Slow mornings")
    assert client.get("/")[HIT] == "miss"

    # An editor tags it: the tag page shows it on the next request too.
    tag_page = reverse("articles:tag", args=["sleep"])
    client.get(tag_page)
    assertNotContains(client.get(tag_page), "Slow mornings")
    tip.tags.add("sleep")
    assertContains(client.get(tag_page), "Slow mornings")


def test_publishing_an_article_shows_it_on_home_and_lists(client, make_article):
    warm(client, ["/", "/articles/"])
    make_article(title="A calm new article")
    assertContains(client.get("/"), "A calm new article")
    assertContains(client.get("/articles/"), "A calm new article")


def test_deleting_content_removes_it_at_once(client, make_tip):
    tip = make_tip("A tip to withdraw")
    warm(client, ["/tips/"])
    assertContains(client.get("/tips/"), "A tip to withdraw")
    tip.delete()
    assertNotContains(client.get("/tips/"), "A tip to withdraw")


def _admin_form_data(response) -> dict:
    """What the browser would post back from an admin change page, unchanged."""

    def add(form, data):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(value, (list, tuple)):
                data[key] = [str(item) for item in value]
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is not None:
                data[key] = str(value)

    data: dict = {}
    add(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form, data)
        for form in formset.forms:
            add(form, data)
    return data


def test_editing_a_listing_in_the_admin_shows_on_the_directory_at_once(
    admin_client_, make_listing, django_capture_on_commit_callbacks
):
    client = Client()  # anonymous: the fixture client is the signed-in one
    service = make_listing("Old Name Support Line")
    directory = "/support/?country=GB"
    warm(client, [directory, reverse("charities:detail", args=[service.organization.slug])])
    assertContains(client.get(directory), "Old Name Support Line")

    url = reverse("admin:charities_organization_change", args=[service.organization.pk])
    data = _admin_form_data(admin_client_.get(url))
    data["name"] = "New Name Support Line"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert Organization.objects.get(pk=service.organization.pk).name == "New Name Support Line"

    fresh = client.get(directory)
    assertContains(fresh, "New Name Support Line")
    assertNotContains(fresh, "Old Name Support Line")
    assertContains(client.get(reverse("charities:detail", args=[service.organization.slug])), "New Name")


def test_verifying_listings_in_the_admin_invalidates(admin_client_, make_listing):
    client = Client()  # anonymous: the fixture client is the signed-in one
    service = make_listing("Checked Line")
    warm(client, ["/support/"])
    admin_client_.post(
        reverse("admin:charities_service_changelist"),
        {"action": "mark_verified_today", "_selected_action": [service.pk]},
    )
    assert client.get("/support/")[HIT] == "miss"


def test_editing_the_disclaimer_invalidates(client):
    warm(client, ["/disclaimer/"])
    disclaimer = Disclaimer.objects.get(key="site", language="en")
    disclaimer.title = "A clearer disclaimer title"
    disclaimer.save()
    assertContains(client.get("/disclaimer/"), "A clearer disclaimer title")


def test_the_commit_bumps_the_generation_again_once(django_capture_on_commit_callbacks, make_article):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_article(title="Counted", tags=["sleep", "dizziness"])
        make_article(title="Counted too")
        before_commit = cache.get(page_cache.GENERATION_KEY)
    assert callbacks.count(page_cache.bump_generation) == 1
    page_cache.bump_generation()
    assert cache.get(page_cache.GENERATION_KEY) != before_commit


def test_bulk_updates_without_signals_invalidate_too(client, make_tip):
    make_tip("Bulk edited tip")
    warm(client, ["/tips/"])
    Tip.objects.filter(title="Bulk edited tip").update(title="Renamed in bulk")
    assertContains(client.get("/tips/"), "Renamed in bulk")


def test_changes_outside_public_apps_do_not_invalidate(client, contributor):
    warm(client, ["/about/"])
    contributor.first_name = "Changed"
    contributor.save()
    assert served_from_cache(client.get("/about/"))


def test_a_translation_update_changes_every_key(client, monkeypatch, settings, tmp_path):
    client.get("/about/")
    catalogue = tmp_path / "es" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    # A valid, empty catalogue (magic, revision, no strings): gettext merges it with the real one.
    (catalogue / "django.mo").write_bytes(struct.pack("<7I", 0x950412DE, 0, 0, 28, 28, 0, 28))
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
    page_cache.deploy_version.cache_clear()
    try:
        assert client.get("/about/")[HIT] == "miss"
    finally:
        settings.LOCALE_PATHS = settings.LOCALE_PATHS[:-1]
        page_cache.deploy_version.cache_clear()


# --- Across app servers (real Redis) ------------------------------------------------------------

REDIS_URL = __import__("os").environ.get("WC_TEST_REDIS_URL", "")


@pytest.mark.skipif(not REDIS_URL, reason="set WC_TEST_REDIS_URL to run against a real Redis")
def test_a_change_on_one_server_invalidates_pages_on_every_server(client, settings):
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    from django.core.cache import caches

    prefix = f"wc-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    try:
        client.get("/about/")
        assert served_from_cache(client.get("/about/"))
        # Another process, as another app server would be, with this test's key prefix.
        other_server = (
            "import django; django.setup()\n"
            "from django.conf import settings\n"
            f"settings.CACHES['default']['KEY_PREFIX'] = {prefix!r}\n"
            "from withdrawal_site import page_cache; page_cache.bump_generation()\n"
        )
        env = {
            **{k: v for k, v in __import__("os").environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "withdrawal_site.settings",
            "DJANGO_SECRET_KEY": "test-only",
            "REDIS_URL": REDIS_URL,
        }
        result = subprocess.run(
            [sys.executable, "-c", other_server],
            cwd=Path(__file__).resolve().parents[2],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert client.get("/about/")[HIT] == "miss"
    finally:
        redis_cache = caches["default"]
        redis_cache.delete_many(
            [page_cache.GENERATION_KEY, page_cache.page_key(RequestFactory().get("/about/"))]
        )
