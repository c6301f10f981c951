"""Every page type in Spanish and Polish: no English interface string left where a translation exists.

The check: render each public page type with the demo content under /es/ and
/pl/, take the words a reader meets (text and the attributes read aloud or
shown: aria-label, title, alt, placeholder, value), leave out everything marked
as being in another language (`lang="en"` content is allowed to be English),
and fail on any msgid of the catalogue whose translation differs from it that
still appears verbatim. A string that is translated in the catalogue but shown
in English means it was rendered outside gettext, or translated too early (at
import time rather than per request).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.browser.pages import NOT_FOUND_PATH, public_pages

pytestmark = pytest.mark.django_db

ALL_THREE = [("en", "English"), ("es", "Spanish"), ("pl", "Polish")]
READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "value", "content"}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}")
# Names, not words: the same in every language, so their msgid equals what a page may show.
SAME_IN_EVERY_LANGUAGE = {"English", "Español", "Polski", "Withdrawal Commons", "SMS", "PDF", "CSV", "mg"}

# Interface strings added after the catalogues were last updated (issue 15 work): not yet
# in locale/*/django.po, so they show in English on /es/ and /pl/ until the integrator runs
# `make messages` and translates them. test_new_strings_are_translated lists the ones left.
NEW_STRINGS_AWAITING_TRANSLATION = [
    "every %(days)s day",
    "From %(start)s mg, cutting %(cut)s%% of the current dose %(every)s, stopping once the dose would fall "
    "below %(stop)s mg: %(steps)s step, then stop.",
    "From %(start)s mg, cutting %(cut)s%% of the current dose %(every)s: %(steps)s step, then stop "
    "(%(duration)s).",
    "names in other languages",
    'The generic name in each language, by language code, e.g. {"es": "sertralina"}.',
]

# English that is content data, not interface text, shown without a lang attribute: the
# directory's organisation names and service areas have no language of their own yet
# (the directory work of issue 14 replaces the country data). Remove once they carry one.
KNOWN_DATA_GAPS = {
    ("support directory", "United Kingdom"),
    ("support directory", "The Ashton Manual"),
}


class _ReadText(HTMLParser):
    """The text a reader meets in the page's language: foreign-language subtrees and scripts left out."""

    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.page_language = page_language
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.parts: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").split("-")[0]
        skipped = tag in {"script", "style", "template"} or (
            tag != "html" and lang and lang != self.page_language
        )
        if not self.skipping and not skipped:
            for name in READ_ATTRIBUTES & attributes.keys():
                if tag == "meta" and attributes.get("name") not in {"description"}:
                    continue
                if tag == "input" and name == "value" and attributes.get("type") not in {"submit", "button"}:
                    continue
                self.parts.append(attributes[name] or "")
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                return

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def read_text(html: str, page_language: str) -> str:
    parser = _ReadText(page_language)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(Path(django_settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"))


def _fragments(msgid: str) -> list[str]:
    """The literal parts of a msgid worth looking for: two words or more, placeholders removed."""
    parts = [" ".join(part.split()) for part in PLACEHOLDER.split(msgid.replace("%%", "%"))]
    return [part.strip(" .,:;·") for part in parts if len(part.split()) >= 2 and len(part) >= 12]


def english_left(code: str) -> list[tuple[re.Pattern, str]]:
    """(pattern, msgid) for every msgid of two words or more whose translation in `code` differs from it."""
    checks = []
    for entry in _catalogue(code):
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        translated = entry.msgstr or next(iter(entry.msgstr_plural.values()), "")
        if not translated or translated == entry.msgid or entry.msgid in SAME_IN_EVERY_LANGUAGE:
            continue
        # Single words ("About", "Crisis") are left out: they are as often part of a
        # name in the content ("9-8-8 Suicide & Crisis Helpline") as interface text.
        needles = _fragments(entry.msgid)
        checks.extend(
            (re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])"), entry.msgid)
            for needle in needles
            if not any(needle in translation_text for translation_text in (translated,))
        )
    return checks


@pytest.fixture
def three_languages(settings):
    settings.LANGUAGES = ALL_THREE


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _pages(code: str) -> list[tuple[str, str]]:
    with translation.override(code):
        pages = [
            (name, f"/{code}{path}" if path == NOT_FOUND_PATH else path) for name, path in public_pages()
        ]
        pages.append(("planner", reverse("resources:planner")))
        pages.append(("crisis in Spain", reverse("charities:crisis") + "?country=ES"))
        pages.append(("crisis in Poland", reverse("charities:crisis") + "?country=PL"))
    return pages


@pytest.mark.parametrize("code", ["es", "pl"])
def test_no_english_interface_string_is_left_on_any_page_type(three_languages, demo, client, code):
    checks = english_left(code)
    assert len(checks) > 500, "the catalogue check found almost nothing to look for"
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = code  # for the few unprefixed pages
    found = []
    for name, path in _pages(code):
        response = client.get(path, headers={"accept-language": code})
        assert response.status_code in (200, 404), (name, path, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{code}">' in html, (name, path)
        text = read_text(html, code)
        found.extend(
            f"{name} ({path}): {msgid!r}"
            for pattern, msgid in checks
            if (name, msgid) not in KNOWN_DATA_GAPS and pattern.search(text)
        )
    assert not found, "English left where the catalogue has a translation:\n" + "\n".join(sorted(set(found)))


@pytest.mark.parametrize("code", ["es", "pl"])
def test_every_page_type_has_hreflang_alternates_and_its_own_lang(three_languages, demo, client, code):
    for name, path in _pages(code):
        if not path.startswith(f"/{code}/") or NOT_FOUND_PATH in path:
            continue  # one address in every language, or no page at all: no alternates
        html = client.get(path).content.decode()
        assert f'<html lang="{code}">' in html, name
        for other in ("en", "es", "pl", "x-default"):
            assert f'hreflang="{other}"' in html, (name, path, other)


def test_the_read_text_leaves_out_foreign_language_content():
    html = (
        '<html lang="es"><p>Hola <span lang="en">Sources and notes</span></p>'
        "<script>var Sources;</script></html>"
    )
    assert read_text(html, "es") == "Hola"


def test_the_check_catches_an_english_string_left_on_a_spanish_page():
    checks = english_left("es")
    text = read_text('<html lang="es"><p>Read this page in your language</p></html>', "es")
    assert any(pattern.search(text) for pattern, _msgid in checks)


@pytest.mark.parametrize("code", ["es", "pl"])
def test_new_strings_are_translated(code):
    """Fails until the integrator has run `make messages` and translated the strings listed."""
    translated = {entry.msgid for entry in _catalogue(code) if entry.translated() and not entry.obsolete}
    missing = [msgid for msgid in NEW_STRINGS_AWAITING_TRANSLATION if msgid not in translated]
    assert not missing, f"Not yet translated in locale/{code}: " + "; ".join(missing)
