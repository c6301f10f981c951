"""Demo content for `manage.py load_demo`. `load()` must be idempotent.

Loads /work/shared/data/directory_seed.json (kept in this app as
`demo_data/directory_seed.json`) and the crisis lines of
`demo_data/crisis_lines.json` (through crisis_lines.py). Nothing in the seed
has been checked by the project, so its listings are left unverified; the
crisis lines carry the date and source their file records. Loading again
updates seed listings to the corrected seed (renames, web addresses, status).
"""

import datetime
import json
from pathlib import Path

from django.utils.text import slugify

from taxonomy.models import DrugClass

from .crisis_lines import load_bundled
from .models import Organization, Phone, Schedule, Service, ServiceArea
from .validation import country_name

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

# Crisis lines of the first demo, replaced by the bundled crisis_lines.json (see crisis_lines.py).
LEGACY_CRISIS_SLUGS = (
    "988-suicide-crisis-lifeline",
    "telefon-zaufania-dla-doroslych-116-123",
    "telefon-zaufania-dla-dzieci-i-mlodziezy-116-111",
    "linea-024",
)

SEED_STATUSES = {
    "": Service.Status.ACTIVE,
    "active": Service.Status.ACTIVE,
    "unknown": Service.Status.UNKNOWN,
    "reported_closed": Service.Status.REPORTED_CLOSED,
    "temporarily_closed": Service.Status.TEMPORARILY_CLOSED,
    "inactive": Service.Status.INACTIVE,
    "defunct": Service.Status.DEFUNCT,
}


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
    website: str = "",
    former_names: tuple[str, ...] = (),
    note: str = "",
    status: str = Service.Status.ACTIVE,
) -> Organization:
    """Create the listing if it is missing, or bring an earlier demo's copy up to the corrected seed.

    An earlier copy is found by its current or a former name (also in the old
    one-L "tranquiliser" spelling). Only what the seed corrects is updated:
    name, web address, former names, note, status and area; phones, hours and
    verification stay as an admin left them.
    """
    organization = _existing_organization(name, former_names)
    if organization is not None:
        _correct_listing(
            organization,
            name=name,
            description=description,
            website=website,
            former_names=former_names,
            note=note,
            status=status,
            areas=areas,
        )
        return organization
    organization = Organization.objects.create(
        name=name,
        slug=slugify(name),
        description=description,
        website=website,
        former_names="\n".join(former_names),
        note=note,
    )
    service = Service.objects.create(
        organization=organization,
        type=service_type,
        languages=",".join(languages),
        hours_note=hours_note,
        is_crisis_line=is_crisis_line,
        status=status,
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


def _slug_variants(name: str) -> list[str]:
    slug = slugify(name)
    return list(dict.fromkeys([slug, slug.replace("tranquilli", "tranquili")]))


def _existing_organization(name: str, former_names: tuple[str, ...]) -> Organization | None:
    slugs = [slug for candidate in (name, *former_names) for slug in _slug_variants(candidate)]
    found = {organization.slug: organization for organization in Organization.objects.filter(slug__in=slugs)}
    return next((found[slug] for slug in slugs if slug in found), None)


def _correct_listing(
    organization: Organization,
    *,
    name: str,
    description: str,
    website: str,
    former_names: tuple[str, ...],
    note: str,
    status: str,
    areas: list[dict],
) -> None:
    changed = {
        "name": name,
        "description": organization.description or description,
        "website": website or organization.website,
        "former_names": "\n".join(former_names) or organization.former_names,
        "note": note or organization.note,
    }
    if organization.name != name and not Organization.objects.filter(slug=slugify(name)).exists():
        changed["slug"] = slugify(name)
    if any(getattr(organization, field) != value for field, value in changed.items()):
        for field, value in changed.items():
            setattr(organization, field, value)
        organization.save()
    service = organization.services.order_by("position", "pk").first()
    if service is None:
        return
    if service.status != status:
        service.status = status
        service.save(update_fields=["status", "updated_at"])
    area = service.areas.order_by("pk").first()
    if area is not None and areas:
        wanted = areas[0]
        if any(getattr(area, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(area, field, value)
            area.save()


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
            description=seed_description(entry, entry["type"]),
            service_type=entry["type"],
            drug_class_slugs=entry.get("drug_classes", []),
            languages=entry.get("languages", []),
            areas=[seed_area(entry)],
            phones=[{**phone, "country": entry.get("country", "")} for phone in entry.get("phones", [])],
            **seed_corrections(entry),
        )
    for entry in seed["online_resources"]:
        service_type = ONLINE_KIND_TO_TYPE.get(entry["kind"], Service.Type.INFORMATION)
        ensure_listing(
            name=entry["name"],
            description=seed_description(entry, service_type),
            service_type=service_type,
            drug_class_slugs=entry.get("drug_classes", []),
            languages=entry.get("languages", []),
            areas=[{"country": "", "scope": ServiceArea.Scope.ONLINE, "description": ""}],
            phones=[],
            **seed_corrections(entry),
        )
    Organization.objects.filter(slug__in=LEGACY_CRISIS_SLUGS, services__is_crisis_line=True).delete()
    load_bundled()


NO_WAY_IN_NOTE = (
    "Not listed: the seed gives no web address, phone, email or address for it. "
    "Add one (checked) and set it active to list it."
)


def seed_corrections(entry: dict) -> dict:
    """What the corrected seed adds to a listing: web address, former names, note and status.

    A listing the seed gives no way to reach is kept but not listed (inactive,
    with a note saying why): a directory entry nobody can contact helps nobody.
    """
    status = SEED_STATUSES.get(entry.get("status", ""), Service.Status.UNKNOWN)
    note = entry.get("note", "")
    if not (entry.get("url") or entry.get("phones")):
        status = Service.Status.INACTIVE
        note = f"{note}\n{NO_WAY_IN_NOTE}".strip()
    return {
        "website": entry.get("url", ""),
        "former_names": tuple(entry.get("former_names", ())),
        "note": note,
        "status": status,
    }


def seed_description(entry: dict, service_type: str) -> str:
    """The seed's own description, else one line built only from what the seed says."""
    if entry.get("description"):
        return entry["description"]
    kind = str(Service.Type(service_type).label)
    classes = [CANONICAL_DRUG_CLASSES[slug].lower() for slug in entry.get("drug_classes", [])]
    where = entry.get("area", "")
    line = f"{kind} in {where}" if where and where.lower() != "international" else kind
    if classes:
        line += " for people coming off " + (
            ", ".join(classes[:-1]) + " and " + classes[-1] if len(classes) > 1 else classes[0]
        )
    return line + "."
