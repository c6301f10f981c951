"""Demo content for `manage.py load_demo`. `load()` must be idempotent.

Loads /work/shared/data/directory_seed.json (kept in this app as
`demo_data/directory_seed.json`) and a few well-known national crisis lines.
Nothing here has been checked by the project, so every listing is left
unverified: the pages say "not yet verified" until an admin checks it.
"""

import datetime
import json
from pathlib import Path

from django.utils.text import slugify

from resources.models import DrugClass

from .countries import country_name
from .models import Organization, Phone, Schedule, Service, ServiceArea

SEED_PATH = Path(__file__).resolve().parent / "demo_data" / "directory_seed.json"

CANONICAL_DRUG_CLASSES = {
    "antidepressants": "Antidepressants",
    "benzodiazepines": "Benzodiazepines",
    "z-drugs": "Z-drugs",
    "antipsychotics": "Antipsychotics",
    "stimulants": "Stimulants",
    "mood-stabilisers": "Mood stabilisers",
    "gabapentinoids": "Gabapentinoids",
}

ONLINE_KIND_TO_TYPE = {
    "peer_forum": Service.Type.ONLINE_FORUM,
    "online_group": Service.Type.ONLINE_GROUP,
    "information": Service.Type.INFORMATION,
    "guide": Service.Type.INFORMATION,
    "blog": Service.Type.INFORMATION,
}

ALL_DAY = datetime.time(0, 0)

# Well-known national crisis lines. Demo data only, unverified like the rest.
CRISIS_LINES = [
    {
        "name": "Samaritans",
        "description": "Listening support for anyone who is struggling to cope, in the UK and Ireland.",
        "type": Service.Type.HELPLINE,
        "phones": [{"number": "116 123", "country": "GB", "description": "UK and Republic of Ireland"}],
        "areas": ["GB", "IE"],
        "languages": ["en"],
        "hours_note": "24 hours a day, every day",
        "all_day_timezone": "Europe/London",
    },
    {
        "name": "988 Suicide & Crisis Lifeline",
        "description": "Call or text 988 in the United States for someone to talk to in a suicidal, mental "
        "health or substance use crisis.",
        "type": Service.Type.HELPLINE,
        "phones": [
            {"number": "988", "country": "US", "type": Phone.Type.VOICE},
            {"number": "988", "country": "US", "type": Phone.Type.TEXT},
        ],
        "areas": ["US"],
        "languages": ["en", "es"],
        "hours_note": "24 hours a day, every day",
        "all_day_timezone": "America/New_York",
    },
    {
        "name": "Telefon Zaufania dla Dorosłych 116 123",
        "description": "Emotional support line for adults in Poland.",
        "type": Service.Type.HELPLINE,
        "phones": [{"number": "116 123", "country": "PL"}],
        "areas": ["PL"],
        "languages": ["pl"],
    },
    {
        "name": "Telefon Zaufania dla Dzieci i Młodzieży 116 111",
        "description": "Support line for children and young people in Poland.",
        "type": Service.Type.HELPLINE,
        "phones": [{"number": "116 111", "country": "PL"}],
        "areas": ["PL"],
        "languages": ["pl"],
    },
    {
        "name": "Línea 024",
        "description": "Línea de atención a la conducta suicida: Spain's national line for people with "
        "suicidal thoughts and those close to them.",
        "type": Service.Type.HELPLINE,
        "phones": [{"number": "024", "country": "ES"}],
        "areas": ["ES"],
        "languages": ["es"],
        "hours_note": "24 hours a day, every day",
        "all_day_timezone": "Europe/Madrid",
    },
]


def drug_classes_for(slugs: list[str]) -> list[DrugClass]:
    """The DrugClass for each canonical slug, created if the resources demo has not made it."""
    classes = []
    for slug in slugs:
        if slug not in CANONICAL_DRUG_CLASSES:
            continue
        position = list(CANONICAL_DRUG_CLASSES).index(slug)
        drug_class, _created = DrugClass.objects.get_or_create(
            slug=slug, defaults={"name": CANONICAL_DRUG_CLASSES[slug], "position": position}
        )
        classes.append(drug_class)
    return classes


def ensure_listing(
    *,
    name: str,
    description: str,
    service_type: str,
    drug_class_slugs: list[str],
    languages: list[str],
    areas: list[dict],
    phones: list[dict],
    hours_note: str = "",
    is_crisis_line: bool = False,
    all_day_timezone: str = "",
) -> Organization:
    """Create the listing if it is missing; never overwrite what an admin has since changed."""
    organization, created = Organization.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "description": description}
    )
    if not created:
        return organization
    service = Service.objects.create(
        organization=organization,
        type=service_type,
        languages=",".join(languages),
        hours_note=hours_note,
        is_crisis_line=is_crisis_line,
    )
    service.drug_classes.set(drug_classes_for(drug_class_slugs))
    for area in areas:
        ServiceArea.objects.create(service=service, **area)
    for position, phone in enumerate(phones):
        Phone.objects.create(
            service=service,
            number=phone["number"],
            country=phone.get("country", ""),
            type=phone.get("type", Phone.Type.VOICE),
            description=phone.get("description", ""),
            position=position,
        )
    if all_day_timezone:
        for weekday in Schedule.Weekday.values:
            Schedule.objects.create(
                service=service,
                weekday=weekday,
                opens_at=ALL_DAY,
                closes_at=ALL_DAY,
                timezone=all_day_timezone,
            )
    return organization


def seed_area(entry: dict) -> dict:
    area, country = entry.get("area", ""), entry.get("country", "")
    if area.lower() == "international":
        return {"country": "", "scope": ServiceArea.Scope.ONLINE, "description": "International"}
    if entry.get("national") or area == str(country_name(country)):
        return {"country": country, "scope": ServiceArea.Scope.NATIONAL, "description": area}
    return {"country": country, "scope": ServiceArea.Scope.REGIONAL, "description": area}


def load() -> None:
    seed = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    for entry in seed["organizations"]:
        ensure_listing(
            name=entry["name"],
            description=entry.get("description", ""),
            service_type=entry["type"],
            drug_class_slugs=entry.get("drug_classes", []),
            languages=entry.get("languages", []),
            areas=[seed_area(entry)],
            phones=[{**phone, "country": entry.get("country", "")} for phone in entry.get("phones", [])],
        )
    for entry in seed["online_resources"]:
        ensure_listing(
            name=entry["name"],
            description=entry.get("description", ""),
            service_type=ONLINE_KIND_TO_TYPE.get(entry["kind"], Service.Type.INFORMATION),
            drug_class_slugs=entry.get("drug_classes", []),
            languages=entry.get("languages", []),
            areas=[{"country": "", "scope": ServiceArea.Scope.ONLINE, "description": ""}],
            phones=[],
        )
    for line in CRISIS_LINES:
        ensure_listing(
            name=line["name"],
            description=line["description"],
            service_type=line["type"],
            drug_class_slugs=[],
            languages=line["languages"],
            areas=[
                {"country": code, "scope": ServiceArea.Scope.NATIONAL, "description": ""}
                for code in line["areas"]
            ],
            phones=line["phones"],
            hours_note=line.get("hours_note", ""),
            is_crisis_line=True,
            all_day_timezone=line.get("all_day_timezone", ""),
        )
