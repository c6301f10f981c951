"""Countries and languages, checked one way by the models, the admin, the public
listing form and the CSV import.

Three hand-made copies of these checks drifted apart: the listing form let
`XX` through (published as an online listing with no country) and silently
dropped `pt-br`. Country codes and their translated names come from
django-countries, so no one maintains a table of 250 names by hand.

A language is stored as its bare ISO 639 code. A regional tag (`pt-br`,
`en_GB`) is normalised to its language, because a listing says which
languages its staff speak, not which country's variant; anything else that
is not a two- or three-letter code is refused with the code named.
"""

import re
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")
# A language tag with a region or script subtag: pt-br, en_GB, zh-hant, es-419.
LANGUAGE_TAG_RE = re.compile(r"^([a-z]{2,3})[-_][a-z0-9]{2,8}$")

# Every ISO 3166-1 code, for `code in COUNTRY_CODES` (also what visitor_country accepts).
COUNTRY_CODES: Collection[str] = countries


def country_choices() -> list[tuple[str, str]]:
    """(code, translated name) sorted by name in the active language; callable, so migrations
    record the reference and not 250 names."""
    return [(country.code, country.name) for country in countries]


def normalise_country(value: str | None) -> str:
    """An upper-case code with surrounding space removed ("gb " -> "GB")."""
    return (value or "").strip().upper()


def is_country_code(code: str) -> bool:
    return bool(code) and code in countries


def country_name(code: str) -> str:
    """The translated name of an ISO code, or the code itself if unknown."""
    return str(countries.name(code)) or code if code else ""


def validate_country_code(value: str) -> None:
    """Refuse anything that is not an ISO 3166-1 alpha-2 code ("" is left to `blank`)."""
    code = normalise_country(value)
    if code and not is_country_code(code):
        raise ValidationError(
            _("“%(code)s” is not a country code. Use the two-letter code, for example GB, US, ES or PL."),
            code="country",
            params={"code": value},
        )


def normalise_language_code(value: str) -> str:
    """ "PT-br" -> "pt", " EN " -> "en"; a value that is no language tag is returned lower-cased."""
    code = (value or "").strip().lower()
    match = LANGUAGE_TAG_RE.match(code)
    return match.group(1) if match else code


def split_codes(value: str) -> list[str]:
    """ "en, PL; pt-BR" -> ["en", "pl", "pt"]: languages are stored as a comma-separated list."""
    return [
        normalise_language_code(code) for code in (value or "").replace(";", ",").split(",") if code.strip()
    ]


def invalid_language_codes(codes: list[str]) -> list[str]:
    return [code for code in codes if not LANGUAGE_CODE_RE.match(normalise_language_code(code))]


def validate_language_codes(value: str | list[str]) -> None:
    """Refuse any code that is not a language code once normalised (`pt-br` passes, as `pt`)."""
    codes = (
        value if isinstance(value, list) else [code for code in (value or "").replace(";", ",").split(",")]
    )
    bad = invalid_language_codes([code.strip() for code in codes if code.strip()])
    if bad:
        raise ValidationError(
            _("Not a language code: %(codes)s. Use codes such as en, es, pl."),
            code="language",
            params={"codes": ", ".join(bad)},
        )
