"""The crisis page's data, readable with or without the database.

Crisis lines and emergency numbers live in the database (Service with
`is_crisis_line`, EmergencyNumber) where admins keep them current. The crisis
page and the outage (503) page must still show them when the database is
unreachable, so every change an admin makes writes a snapshot of them, in the
same shape as the bundled `demo_data/crisis_lines.json`, to the shared cache
and to a local file. Without the database we read the cache, then the file,
then the bundled copy: the page is never empty.
"""

import datetime
import functools
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .validation import country_name

logger = logging.getLogger(__name__)

BUNDLED_PATH = Path(__file__).resolve().parent / "demo_data" / "crisis_lines.json"
CACHE_KEY = "charities:crisis-snapshot"

# The countries the site serves first, in the order a visitor from elsewhere sees them
# (never alphabetical: that put Ireland first for everyone). Others follow by name.
COUNTRY_ORDER = ("GB", "IE", "US", "CA", "AU", "ES", "PL")
INTERNATIONAL = "INT"
DATA_LANGUAGES = {"ES": "es", "PL": "pl"}

DATABASE_DOWN = (OperationalError, InterfaceError)


# The phrases the crisis data repeats for many countries, in each language the
# site is translated into. The data is written in each country's language, so
# on a page in another language it would stay foreign (an English "Emergency
# services" on /es/crisis/): a phrase known here is shown in the page's
# language instead; anything else stays as written, marked with the data's
# language. Kept as data beside the crisis data rather than in the catalogues,
# so the numbers' labels can never fall back to English while a catalogue lags.
_CRISIS_PHRASES = (
    {"en": "Emergency services", "es": "Servicios de emergencia", "pl": "Numer alarmowy"},
    {
        "en": "Emergency services (also works)",
        "es": "Servicios de emergencia (también funciona)",
        "pl": "Numer alarmowy (też działa)",
    },
    {"en": "24 hours, every day", "es": "24 horas, todos los días", "pl": "całą dobę, 7 dni w tygodniu"},
    {"en": "free", "es": "gratis", "pl": "bezpłatny"},
)
_PHRASE_INDEX = {wording.lower(): phrase for phrase in _CRISIS_PHRASES for wording in phrase.values()} | {
    "gratuita": _CRISIS_PHRASES[3],
    "bezpłatnie": _CRISIS_PHRASES[3],
}


def known_phrase(text: str) -> str:
    """The page-language wording of a phrase the crisis data repeats, or "" when it is not one."""
    phrase = _PHRASE_INDEX.get(" ".join(text.split()).lower())
    if phrase is None:
        return ""
    return phrase.get(get_language() or "en", "")


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    label: str

    @property
    def href(self) -> str:
        return f"tel:{self.number}"

    @property
    def translated_label(self) -> str:
        return known_phrase(self.label)


@dataclass(frozen=True)
class CrisisLine:
    name: str
    kind: str  # "voice" or "text"
    number: str  # what is dialled: "116123", "+3531800247247"
    display: str  # how it reads: "116 123"
    sms_body: str = ""
    hours: str = ""
    cost: str = ""
    source: str = ""
    checked_on: datetime.date | None = None
    checked_by_admin: bool = False
    details_url: str = ""

    @property
    def href(self) -> str:
        from .models import sms_href

        if self.kind == "text":
            return sms_href(self.number, self.sms_body)
        return f"tel:{self.number}"

    @property
    def translated_hours(self) -> str:
        return known_phrase(self.hours)

    @property
    def translated_cost(self) -> str:
        return known_phrase(self.cost)

    @property
    def action_label(self) -> str:
        from .models import action_label

        return action_label(kind=self.kind, display=self.display, sms_body=self.sms_body)


@dataclass(frozen=True)
class CountryCrisis:
    code: str
    emergency: tuple[EmergencyNumber, ...]
    lines: tuple[CrisisLine, ...]

    @property
    def name(self) -> str:
        if self.code == INTERNATIONAL:
            return _("International and online")
        return country_name(self.code)

    @property
    def language(self) -> str:
        """The language the data for this country is written in (names, hours, labels)."""
        return DATA_LANGUAGES.get(self.code, "en")

    @property
    def first_emergency(self) -> EmergencyNumber | None:
        return self.emergency[0] if self.emergency else None

    @property
    def newest_check(self) -> datetime.date | None:
        return max((line.checked_on for line in self.lines if line.checked_on), default=None)


# Reading ------------------------------------------------------------------


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _dial(number: str) -> str:
    return "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")


def parse(data: dict) -> dict[str, CountryCrisis]:
    """Countries in their fixed order from data shaped like `crisis_lines.json`; bad entries skipped."""
    default_checked = _date(data.get("checked_on"))
    countries: dict[str, CountryCrisis] = {}
    for code, entry in (data.get("countries") or {}).items():
        if not isinstance(entry, dict):
            continue
        emergency = tuple(
            EmergencyNumber(number=_dial(item["number"]), label=str(item.get("label", "")))
            for item in entry.get("emergency", [])
            if isinstance(item, dict) and _dial(item.get("number", ""))
        )
        lines = tuple(
            CrisisLine(
                name=str(item.get("name", "")),
                kind="text" if item.get("kind") == "text" else "voice",
                number=_dial(item["number"]),
                display=str(item.get("display") or item["number"]),
                sms_body=str(item.get("sms_body", "")),
                hours=str(item.get("hours", "")),
                cost=str(item.get("cost", "")),
                source=str(item.get("source", "")),
                checked_on=_date(item.get("checked_on")) or default_checked,
                checked_by_admin=bool(item.get("checked_by_admin")),
                details_url=str(item.get("details_url", "")),
            )
            for item in entry.get("lines", [])
            if isinstance(item, dict) and _dial(item.get("number", ""))
        )
        if emergency or lines:
            countries[str(code).upper()] = CountryCrisis(
                code=str(code).upper(), emergency=emergency, lines=lines
            )
    return dict(sorted(countries.items(), key=lambda item: _order_key(item[0])))


def _order_key(code: str) -> tuple:
    if code in COUNTRY_ORDER:
        return (0, COUNTRY_ORDER.index(code), "")
    if code == INTERNATIONAL:
        return (2, 0, "")
    return (1, 0, country_name(code))


@functools.cache
def bundled() -> dict:
    """The crisis data shipped with the code (checked by the project on its `checked_on` date)."""
    return json.loads(BUNDLED_PATH.read_text(encoding="utf-8"))


def snapshot_path() -> Path:
    return Path(
        getattr(settings, "CRISIS_SNAPSHOT_PATH", "") or settings.BASE_DIR / "var" / "crisis_snapshot.json"
    )


def stored() -> dict:
    """The newest snapshot we can read without the database: shared cache, local file, bundled copy."""
    try:
        data = cache.get(CACHE_KEY)
    except Exception:
        logger.warning("Crisis snapshot: cache unavailable, reading the file")
        data = None
    if isinstance(data, dict) and data.get("countries"):
        return data
    try:
        data = json.loads(snapshot_path().read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("countries"):
            return data
    except (OSError, ValueError):
        pass
    return bundled()


def supported(countries: dict[str, CountryCrisis]) -> list[str]:
    """The country codes a visitor may choose: those with crisis data (not the international group)."""
    return [code for code in countries if code != INTERNATIONAL]


def lines_for(country: str | None) -> CountryCrisis | None:
    """One country's emergency numbers and crisis lines, without touching the database."""
    return parse(stored()).get((country or "").upper())


def for_request(request) -> CountryCrisis | None:
    """The visitor's country's numbers (their choice, else their browser's region), without the database.

    For other pages that show crisis numbers (the journal's crisis prompt, for example); None when
    the country is not known, so the caller can link to /crisis/ where the visitor picks one.
    """
    from withdrawal_site.visitor_country import visitor_country

    countries = parse(stored())
    code = visitor_country(request, supported(countries))
    return countries.get(code) if code else None


# From the database ----------------------------------------------------------


def national_digits(number: str, *, is_short_code: bool) -> str:
    """What a phone in the line's own country dials: "1800247247", not "+3531800247247".

    Freephone and shared-cost numbers (Ireland's 1800, Australia's 13) often
    cannot be reached in international form, and crisis lines are for callers
    in their own country.
    """
    import phonenumbers

    if is_short_code:
        return number
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return _dial(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))


def from_database() -> dict | None:
    """The crisis data as admins keep it, in the snapshot shape; None when there is none yet.

    Two queries for lines (services with phones and areas) and one for emergency numbers.
    """
    from django.db.models import Prefetch

    from .models import EmergencyNumber as EmergencyNumberModel
    from .models import Phone, Service, ServiceArea

    services = (
        Service.objects.crisis_lines()
        .select_related(None)
        .select_related("organization")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("phones", queryset=Phone.objects.order_by("position", "pk")),
            Prefetch("areas", queryset=ServiceArea.objects.order_by("pk")),
        )
        .order_by("position", "pk")
    )
    countries: dict[str, dict] = {}
    for service in services:
        codes = list(dict.fromkeys(area.country or INTERNATIONAL for area in service.areas.all())) or [
            INTERNATIONAL
        ]
        for phone in service.phones.all():
            line = {
                "name": service.display_name + (f" ({phone.description})" if phone.description else ""),
                "number": national_digits(phone.number, is_short_code=phone.is_short_code),
                "display": phone.display,
                "kind": "text" if phone.type == Phone.Type.TEXT else "voice",
                "sms_body": phone.sms_body,
                "hours": service.hours_note,
                "cost": service.cost,
                "source": service.verification_source,
                "checked_on": service.last_verified.isoformat() if service.last_verified else "",
                "checked_by_admin": service.verified_by_id is not None,
                "details_url": service.organization.get_absolute_url(),
            }
            for code in codes:
                countries.setdefault(code, {"emergency": [], "lines": []})["lines"].append(line)
    for number in EmergencyNumberModel.objects.order_by("country", "position", "pk"):
        countries.setdefault(number.country, {"emergency": [], "lines": []})["emergency"].append(
            {"number": number.number, "label": number.label}
        )
    if not countries:
        return None
    shipped = bundled()["countries"]
    for code, entry in countries.items():
        if not entry["emergency"] and code in shipped:
            # A country whose emergency numbers no admin has entered still gets the shipped ones.
            entry["emergency"] = list(shipped[code]["emergency"])
    return {"about": "Snapshot of the crisis lines as admins keep them.", "countries": countries}


def current() -> tuple[dict[str, CountryCrisis], bool]:
    """(countries, from_database): the database when it answers, else the stored snapshot."""
    try:
        data = from_database()
    except DATABASE_DOWN:
        logger.warning("Crisis page: database unavailable, showing the stored snapshot")
        return parse(stored()), False
    return parse(data if data is not None else bundled()), True


# Writing --------------------------------------------------------------------


def write() -> None:
    """Store what the database says now, for the moments it cannot answer. Never raises."""
    try:
        data = from_database()
    except DatabaseError:
        logger.exception("Crisis snapshot: could not read the database")
        return
    if data is None:
        return
    try:
        cache.set(CACHE_KEY, data, timeout=None)
    except Exception:
        logger.warning("Crisis snapshot: could not write to the cache")
    path = snapshot_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(handle.name, path)
    except OSError:
        logger.warning("Crisis snapshot: could not write %s", path)


def write_after_commit() -> None:
    from django.db import transaction

    transaction.on_commit(write)


# The outage page -------------------------------------------------------------


def outage_context(request) -> dict:
    """What templates/503.html needs, from the request and the snapshot only (the database is down)."""
    from withdrawal_site.visitor_country import visitor_country

    try:
        countries = parse(stored())
        code = visitor_country(request, supported(countries)) if request is not None else None
    except Exception:
        logger.exception("Crisis snapshot: could not build the outage page's crisis block")
        return {}
    return crisis_context(countries, code)


def crisis_context(countries: dict[str, CountryCrisis], code: str | None) -> dict:
    """The visitor's country first, then the others in the fixed order."""
    visitor = countries.get(code) if code else None
    others = [country for key, country in countries.items() if key != code]
    return {
        "crisis_visitor": visitor,
        "crisis_others": others,
        "crisis_countries": [country for key, country in countries.items() if key != INTERNATIONAL],
        "crisis_newest_check": max(
            (country.newest_check for country in countries.values() if country.newest_check), default=None
        ),
    }
