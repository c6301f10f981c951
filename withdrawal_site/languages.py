"""Which languages the site offers, and the language helpers every page uses.

A screen reader reads a page in the voice its `<html lang>` names, so a page
must never claim a language its words are not in. English is always offered;
another language is offered only once its catalogue is complete (no
untranslated and no fuzzy entry in the .po) and compiled (a .mo at least as
new as the .po). settings.LANGUAGES is computed from this at start-up, so the
moment the translators' work lands and is compiled, the language switches on.

This module is imported by settings.py: nothing here may read django.conf.settings
at import time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import polib
from django.utils.translation import gettext_lazy as _

DEFAULT_LANGUAGE = "en"

# Every language the site is being translated into, in the order the switcher shows them.
ALL_LANGUAGES: tuple[tuple[str, object], ...] = (
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
)

# Each language named in itself: a switcher must be readable by someone who
# does not read the current page's language.
NATIVE_NAMES = {"en": "English", "es": "Español", "pl": "Polski"}

CATALOGUE_DOMAIN = "django"


def catalogue_path(locale_dir: Path, code: str, suffix: str = "po") -> Path:
    return Path(locale_dir) / code / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.{suffix}"


def catalogue_gaps(po_path: Path) -> list[str]:
    """The msgids of a .po that a visitor would still see in English: untranslated or fuzzy.

    Obsolete entries (#~) are not shown anywhere, so they do not count.
    """
    catalogue = polib.pofile(str(po_path))
    gaps = []
    for entry in catalogue:
        if entry.obsolete or not entry.msgid:
            continue
        if "fuzzy" in entry.flags:
            gaps.append(entry.msgid)
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                gaps.append(entry.msgid)
        elif not entry.msgstr:
            gaps.append(entry.msgid)
    return gaps


def is_complete(code: str, locale_dirs: Iterable[Path]) -> bool:
    """True when some locale dir has a gap-free .po for code and a compiled .mo no older than it."""
    for locale_dir in locale_dirs:
        po_path = catalogue_path(locale_dir, code)
        mo_path = catalogue_path(locale_dir, code, "mo")
        if not po_path.is_file():
            continue
        if not mo_path.is_file() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            return False
        try:
            return not catalogue_gaps(po_path)
        except (OSError, ValueError):
            return False
    return False


def offered_languages(
    locale_dirs: Iterable[Path], *, candidates: Sequence[tuple[str, object]] = ALL_LANGUAGES
) -> list[tuple[str, object]]:
    """The (code, name) pairs to put in settings.LANGUAGES: English plus every complete catalogue."""
    locale_dirs = list(locale_dirs)
    return [
        (code, name)
        for code, name in candidates
        if code == DEFAULT_LANGUAGE or is_complete(code, locale_dirs)
    ]


def native_name(code: str) -> str:
    return NATIVE_NAMES.get(code, code)


# Per request -----------------------------------------------------------------------------------
# Below here settings are read at call time (never at import: settings.py imports this module).


def offered_codes() -> list[str]:
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def chosen_language(request) -> str:
    """The language the visitor chose with the switcher (cookie), or "" when none or no longer offered."""
    from django.conf import settings

    value = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return value if value in offered_codes() else ""


def browser_language(request) -> str:
    """The best offered language for the browser's Accept-Language, or "" (never the cookie)."""
    from django.utils.translation import get_supported_language_variant
    from django.utils.translation.trans_real import parse_accept_lang_header

    for accept, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if accept == "*":
            break
        try:
            code = get_supported_language_variant(accept)
        except LookupError:
            continue
        if code in offered_codes():
            return code
    return ""


def cache_key_part(request) -> str:
    """Every language input that can change a page, for the page cache key (no database).

    The language shown comes from the path (/es/, /pl/, none for English); the
    suggestion to switch depends on the browser's language and on whether a choice
    was made. All three are in the key, so no two different pages share one.
    """
    from django.utils.translation import get_language_from_path

    path_language = get_language_from_path(request.path_info) or DEFAULT_LANGUAGE
    return f"{path_language}/{chosen_language(request) or '-'}/{browser_language(request) or '-'}"


def page_alternates(request) -> list[dict]:
    """The same page in each offered language: [{code, name, url, current}], or [] when it has none.

    Pages outside i18n_patterns (journal, status links, staff pages) have one
    address only, so they get no alternates and no switcher.
    """
    from django.urls import translate_url
    from django.utils.translation import get_language

    codes = offered_codes()
    if len(codes) < 2:
        return []
    path = request.path
    urls = {code: translate_url(path, code) for code in codes}
    if len(set(urls.values())) < 2:
        return []
    current = get_language()
    return [
        {"code": code, "name": native_name(code), "url": urls[code], "current": code == current}
        for code in codes
    ]


def page_language_first(queryset):
    """`queryset` with the items in the page's language first, each group in its usual order.

    A visitor reading Spanish should meet Spanish content first, but must still
    find everything else (which is marked with its own language). One ORDER BY,
    no extra query. The existing ordering (or the model's default) is kept
    inside each group.
    """
    from django.db.models import Case, IntegerField, Value, When
    from django.utils.translation import get_language

    ordering = list(queryset.query.order_by or queryset.model._meta.ordering or ["pk"])
    code = get_language() or DEFAULT_LANGUAGE
    return queryset.annotate(
        in_other_language=Case(
            When(language=code, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("in_other_language", *ordering)
