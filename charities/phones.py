"""Phone numbers as the directory stores them.

A listing's number must be dialled correctly by someone who may be in
distress, so every number is parsed with `phonenumbers` and stored in E.164
(`+441179663629`). National short codes (116 123, 988, 024) have no E.164 form
that a phone can dial from abroad, and the library reports them as invalid
full numbers; they are stored as the dialled digits together with their
country and linked as `tel:116123`.
"""

from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import shortnumberinfo

from .validation import is_country_code, normalise_country


@dataclass(frozen=True)
class NormalisedPhone:
    number: str  # "+441179663629", or the digits of a short code: "116123"
    is_short_code: bool
    country: str  # ISO code; always set for short codes


def normalise_phone(raw: str, country: str = "") -> NormalisedPhone:
    """Parse `raw` (national format needs `country`) or raise ValidationError."""
    raw = (raw or "").strip()
    country = normalise_country(country)
    if not raw:
        raise ValidationError(_("Enter a phone number."), code="required")
    if country and not is_country_code(country):
        raise ValidationError(
            _("“%(code)s” is not a country code."), code="country", params={"code": country}
        )
    try:
        parsed = phonenumbers.parse(raw, country or None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_valid_number(parsed):
        region = phonenumbers.region_code_for_number(parsed) or ""
        return NormalisedPhone(
            number=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
            is_short_code=False,
            country=country or region,
        )
    if (
        parsed is not None
        and country
        and not raw.startswith("+")
        and shortnumberinfo.is_valid_short_number_for_region(parsed, country)
    ):
        return NormalisedPhone(
            number=phonenumbers.national_significant_number(parsed), is_short_code=True, country=country
        )
    raise ValidationError(
        _("“%(number)s” is not a phone number we can read. Give it with its country."),
        code="invalid",
        params={"number": raw},
    )


def display_phone(number: str, *, is_short_code: bool, country: str) -> str:
    """How a stored number reads on the page: national format at home, spaced short codes."""
    if is_short_code:
        if len(number) == 6:
            return f"{number[:3]} {number[3:]}"
        return number
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    region = phonenumbers.region_code_for_number(parsed)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if country and region == country
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, style)
