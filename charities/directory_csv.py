"""The directory as a flat CSV with Open Referral HSDS column names.

One row per service, repeated for each extra phone or area of that service
(the organisation and service columns then repeat, and the first row of a
service is the one that counts). An organisation is matched by
`organization_slug` when given, otherwise by name; a service within it by
`service_name`.

Importing is all or nothing: every row is checked first, and a file with any
bad row is refused with one message per row and changes nothing. Importing a
file that `export_directory` wrote changes nothing.

Spreadsheets run a cell that starts with =, +, -, @ (or a tab or carriage
return) as a formula, so an exported cell that starts like that, or with the
escaping apostrophe itself, gets an apostrophe in front; importing removes
exactly that apostrophe again. A file with an unescaped = or @ at the start
of a cell is refused: it did not come from here and may carry a formula.
"""

import csv
import datetime
import io
import re
import zoneinfo
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_slug
from django.db import transaction
from django.db.models import Prefetch

from taxonomy.models import DrugClass
from withdrawal_site.slugs import unique_slug

from .models import Organization, Phone, Schedule, Service, ServiceArea
from .phones import normalise_phone
from .validation import invalid_language_codes, is_country_code, normalise_country, split_codes

COLUMNS = [
    "organization_slug",
    "organization_name",
    "organization_description",
    "organization_url",
    "organization_email",
    "organization_charity_number",
    "service_name",
    "service_type",
    "service_status",
    "service_description",
    "service_url",
    "service_fees_description",
    "service_eligibility_description",
    "service_assured_date",
    "service_crisis_line",
    "languages",
    "drug_classes",
    "schedule_note",
    "regular_schedule",
    "phone_number",
    "phone_country",
    "phone_type",
    "phone_description",
    "service_area_country",
    "service_area_scope",
    "service_area_description",
]

# HSDS schedule.byday codes, in Schedule.Weekday order.
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SCHEDULE_ENTRY_RE = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU) (\d\d:\d\d)-(\d\d:\d\d) (\S+)$")
TRUE_WORDS, FALSE_WORDS = {"yes", "true", "1"}, {"no", "false", "0", ""}

# Cell starts a spreadsheet treats as a formula, and the apostrophe that escapes them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
# Starts refused on import when unescaped (+ and - begin phone numbers and notes).
REFUSED_STARTS = ("=", "@")
# No cell of a real listing comes near this; a bigger one is a mistake or an attack.
MAX_CELL_CHARACTERS = 10_000


def neutralise_cell(value: str) -> str:
    """The cell as written to CSV: never read as a formula by a spreadsheet."""
    if value and (value.startswith(FORMULA_STARTS) or value.startswith(ESCAPE)):
        return ESCAPE + value
    return value


def unescape_cell(value: str) -> str:
    """Undo `neutralise_cell` exactly; any other apostrophe is data."""
    if len(value) > 1 and value.startswith(ESCAPE) and value[1:].startswith((*FORMULA_STARTS, ESCAPE)):
        return value[1:]
    return value


def _column_limits() -> dict[str, int]:
    """Each column's max_length on the model it is written to."""
    targets = {
        "organization_slug": (Organization, "slug"),
        "organization_name": (Organization, "name"),
        "organization_url": (Organization, "website"),
        "organization_email": (Organization, "email"),
        "organization_charity_number": (Organization, "charity_number"),
        "service_name": (Service, "name"),
        "service_url": (Service, "url"),
        "service_fees_description": (Service, "cost"),
        "schedule_note": (Service, "hours_note"),
        "phone_description": (Phone, "description"),
        "service_area_description": (ServiceArea, "description"),
    }
    limits = {}
    for column, (model, name) in targets.items():
        max_length = model._meta.get_field(name).max_length
        if max_length:
            limits[column] = max_length
    return limits


class ImportRefusedError(Exception):
    """The file has bad rows; `errors` holds one message per bad row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ServiceRecord:
    name: str
    fields: dict
    drug_class_slugs: list[str]
    schedules: list[tuple]
    phones: list[tuple] = field(default_factory=list)
    areas: list[tuple] = field(default_factory=list)


@dataclass
class OrganizationRecord:
    slug: str
    name: str
    fields: dict
    services: dict[str, ServiceRecord] = field(default_factory=dict)


@dataclass
class ImportReport:
    changes: list[str] = field(default_factory=list)
    dry_run: bool = False


# Export ------------------------------------------------------------------


def format_schedules(schedules) -> str:
    return "; ".join(
        f"{BYDAY[s.weekday]} {s.opens_at:%H:%M}-{s.closes_at:%H:%M} {s.timezone}" for s in schedules
    )


def export_rows() -> list[dict[str, str]]:
    rows = []
    services_query = Service.objects.order_by("position", "pk").prefetch_related(
        "drug_classes", "phones", "areas", "schedules"
    )
    organizations = Organization.objects.order_by("name", "pk").prefetch_related(
        Prefetch("services", queryset=services_query)
    )
    for organization in organizations:
        org_columns = {
            "organization_slug": organization.slug,
            "organization_name": organization.name,
            "organization_description": organization.description,
            "organization_url": organization.website,
            "organization_email": organization.email,
            "organization_charity_number": organization.charity_number,
        }
        services = list(organization.services.all())
        if not services:
            rows.append({**dict.fromkeys(COLUMNS, ""), **org_columns})
        for service in services:
            service_columns = {
                "service_name": service.name,
                "service_type": service.type,
                "service_status": service.status,
                "service_description": service.description,
                "service_url": service.url,
                "service_fees_description": service.cost,
                "service_eligibility_description": service.eligibility,
                "service_assured_date": service.last_verified.isoformat() if service.last_verified else "",
                "service_crisis_line": "yes" if service.is_crisis_line else "no",
                "languages": "; ".join(split_codes(service.languages)),
                "drug_classes": "; ".join(sorted(dc.slug for dc in service.drug_classes.all())),
                "schedule_note": service.hours_note,
                "regular_schedule": format_schedules(
                    sorted(service.schedules.all(), key=lambda s: (s.weekday, s.opens_at, s.pk))
                ),
            }
            phones = sorted(service.phones.all(), key=lambda p: (p.position, p.pk))
            areas = sorted(service.areas.all(), key=lambda a: a.pk)
            for index in range(max(len(phones), len(areas), 1)):
                row = {**dict.fromkeys(COLUMNS, ""), **org_columns, **service_columns}
                if index < len(phones):
                    phone = phones[index]
                    row.update(
                        phone_number=phone.number,
                        phone_country=phone.country,
                        phone_type=phone.type,
                        phone_description=phone.description,
                    )
                if index < len(areas):
                    area = areas[index]
                    row.update(
                        service_area_country=area.country,
                        service_area_scope=area.scope,
                        service_area_description=area.description,
                    )
                rows.append(row)
    return rows


def export_csv(stream: io.TextIOBase) -> int:
    """Write the directory to `stream`; returns the number of rows."""
    rows = export_rows()
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({key: neutralise_cell(str(value)) for key, value in row.items()} for row in rows)
    return len(rows)


# Import: parse and check ---------------------------------------------------


def _check_url(value: str, label: str, problems: list[str]) -> str:
    if value:
        try:
            URLValidator()(value)
        except ValidationError:
            problems.append(f"{label} “{value}” is not a web address")
    return value


def _parse_schedules(value: str, problems: list[str]) -> list[tuple]:
    schedules = []
    for entry in (part.strip() for part in value.split(";")):
        if not entry:
            continue
        match = SCHEDULE_ENTRY_RE.match(entry)
        if not match:
            problems.append(f"regular_schedule entry “{entry}” is not like “MO 09:00-17:00 Europe/London”")
            continue
        day, opens, closes, zone = match.groups()
        try:
            opens_at, closes_at = datetime.time.fromisoformat(opens), datetime.time.fromisoformat(closes)
            zoneinfo.ZoneInfo(zone)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            problems.append(f"regular_schedule entry “{entry}” has an impossible time or unknown time zone")
            continue
        schedules.append((BYDAY.index(day), opens_at, closes_at, zone))
    return schedules


@dataclass
class UnreadableRow:
    """A row the CSV reader could not read at all (a huge cell, a NUL byte)."""

    line_number: int
    problem: str


def _cell_problems(raw: dict, limits: dict[str, int]) -> list[str]:
    """What makes a row unusable before its values are even looked at. Never quotes a huge value back."""
    problems = []
    for key in COLUMNS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):  # DictReader puts surplus cells in a list
            problems.append(f"{key} is not one cell")
            continue
        if any("\udc80" <= character <= "\udcff" for character in value):
            problems.append(f"{key} is not UTF-8 text")
            continue
        if "\x00" in value:
            problems.append(f"{key} contains a NUL character")
            continue
        if len(value) > MAX_CELL_CHARACTERS:
            problems.append(f"{key} is {len(value)} characters long (at most {MAX_CELL_CHARACTERS})")
            continue
        stripped = value.strip()
        if stripped.startswith(REFUSED_STARTS):
            problems.append(
                f"{key} starts with “{stripped[0]}”, which a spreadsheet runs as a formula "
                f"(put an apostrophe in front if it is meant as text)"
            )
            continue
        limit = limits.get(key)
        if limit and len(unescape_cell(stripped)) > limit:
            problems.append(f"{key} is {len(stripped)} characters long (at most {limit})")
    if None in raw:
        problems.append("the row has more cells than the header")
    return problems


def parse_rows(rows: list[dict[str, str]], known_drug_classes: set[str]) -> tuple[dict, list[str]]:
    """Check every row; return the organisations to write and one error message per bad row."""
    organizations: dict[str, OrganizationRecord] = {}
    errors: list[str] = []
    limits = _column_limits()
    for line_number, raw in enumerate(rows, start=2):  # line 1 is the header
        if isinstance(raw, UnreadableRow):
            errors.append(f"Row {raw.line_number}: {raw.problem}")
            continue
        problems = _cell_problems(raw, limits)
        if problems:
            errors.append(f"Row {line_number}: " + "; ".join(problems))
            continue
        row = {key: unescape_cell((raw.get(key) or "").strip()) for key in COLUMNS}

        name = row["organization_name"]
        if not name:
            problems.append("organization_name is missing")
        slug = row["organization_slug"]
        if slug:
            try:
                validate_slug(slug)
            except ValidationError:
                problems.append(f"organization_slug “{slug}” may only contain letters, numbers, - and _")
        website = _check_url(row["organization_url"], "organization_url", problems)
        service_url = _check_url(row["service_url"], "service_url", problems)
        if row["organization_email"]:
            try:
                validate_email(row["organization_email"])
            except ValidationError:
                problems.append(f"organization_email “{row['organization_email']}” is not an email address")

        service_type = row["service_type"]
        has_service = bool(
            service_type or row["service_name"] or row["phone_number"] or row["service_area_country"]
        )
        if has_service and service_type not in Service.Type.values:
            problems.append(
                f"service_type “{service_type}” is not one of {', '.join(Service.Type.values)}"
                if service_type
                else "service_type is missing"
            )
        status = row["service_status"] or Service.Status.ACTIVE
        if status not in Service.Status.values:
            problems.append(f"service_status “{status}” is not one of {', '.join(Service.Status.values)}")
        assured = None
        if row["service_assured_date"]:
            try:
                assured = datetime.date.fromisoformat(row["service_assured_date"])
            except ValueError:
                problems.append(
                    f"service_assured_date “{row['service_assured_date']}” is not a date (YYYY-MM-DD)"
                )
        crisis_word = row["service_crisis_line"].lower()
        if crisis_word not in TRUE_WORDS | FALSE_WORDS:
            problems.append(f"service_crisis_line “{row['service_crisis_line']}” should be yes or no")
        languages = split_codes(row["languages"])
        for code in invalid_language_codes(languages):
            problems.append(f"language “{code}” is not a language code such as en")
        drug_class_slugs = [slug.strip() for slug in row["drug_classes"].split(";") if slug.strip()]
        for drug_class in drug_class_slugs:
            if drug_class not in known_drug_classes:
                problems.append(f"drug class “{drug_class}” is unknown")
        schedules = _parse_schedules(row["regular_schedule"], problems)

        area = None
        area_country = normalise_country(row["service_area_country"])
        if area_country and not is_country_code(area_country):
            problems.append(f"service_area_country “{row['service_area_country']}” is not a country code")
        scope = row["service_area_scope"] or (
            ServiceArea.Scope.NATIONAL if area_country else ServiceArea.Scope.ONLINE if has_service else ""
        )
        if scope:
            if scope not in ServiceArea.Scope.values:
                problems.append(
                    f"service_area_scope “{scope}” is not one of {', '.join(ServiceArea.Scope.values)}"
                )
            elif scope != ServiceArea.Scope.ONLINE and not area_country:
                problems.append(f"service_area_scope “{scope}” needs a service_area_country")
            if row["service_area_scope"] or area_country or row["service_area_description"]:
                area = (area_country, scope, row["service_area_description"])

        phone = None
        if row["phone_number"]:
            phone_type = row["phone_type"] or Phone.Type.VOICE
            if phone_type not in Phone.Type.values:
                problems.append(f"phone_type “{phone_type}” is not one of {', '.join(Phone.Type.values)}")
            phone_country = normalise_country(row["phone_country"]) or area_country
            if phone_country and not is_country_code(phone_country):
                problems.append(f"phone_country “{row['phone_country']}” is not a country code")
            else:
                try:
                    parsed = normalise_phone(row["phone_number"], phone_country)
                    phone = (parsed.number, parsed.country, phone_type, row["phone_description"])
                except ValidationError:
                    problems.append(f"phone_number “{row['phone_number']}” cannot be read as a phone number")

        if problems:
            errors.append(f"Row {line_number} ({name or 'no name'}): " + "; ".join(problems))
            continue

        org_key = slug or name.casefold()
        record = organizations.get(org_key)
        if record is None:
            record = organizations[org_key] = OrganizationRecord(
                slug=slug,
                name=name,
                fields={
                    "name": name,
                    "description": row["organization_description"],
                    "website": website,
                    "email": row["organization_email"],
                    "charity_number": row["organization_charity_number"],
                },
            )
        if not has_service:
            continue
        service = record.services.get(row["service_name"])
        if service is None:
            service = record.services[row["service_name"]] = ServiceRecord(
                name=row["service_name"],
                fields={
                    "type": service_type,
                    "status": status,
                    "description": row["service_description"],
                    "url": service_url,
                    "cost": row["service_fees_description"],
                    "eligibility": row["service_eligibility_description"],
                    "last_verified": assured,
                    "is_crisis_line": crisis_word in TRUE_WORDS,
                    "languages": ",".join(dict.fromkeys(languages)),
                    "hours_note": row["schedule_note"],
                },
                drug_class_slugs=sorted(set(drug_class_slugs)),
                schedules=schedules,
            )
        if phone and phone not in service.phones:
            service.phones.append(phone)
        if area and area not in service.areas:
            service.areas.append(area)
    return organizations, errors


# Import: write ---------------------------------------------------------------


def _set_fields(instance, values: dict) -> list[str]:
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    return changed


def _write_service(
    organization: Organization, record: ServiceRecord, position: int, report: ImportReport
) -> None:
    service = organization.services.filter(name=record.name).order_by("pk").first()
    label = f"service “{record.name or organization.name}” of “{organization.name}”"
    created = service is None
    if created:
        service = Service(organization=organization, name=record.name, position=position)
    changed = _set_fields(service, record.fields)
    if created or changed:
        service.full_clean(exclude=["organization"])
        service.save()

    current_classes = sorted(service.drug_classes.values_list("slug", flat=True))
    if current_classes != record.drug_class_slugs:
        service.drug_classes.set(DrugClass.objects.filter(slug__in=record.drug_class_slugs))
        changed.append("drug_classes")

    current_phones = [
        (p.number, p.country, p.type, p.description) for p in service.phones.order_by("position", "pk")
    ]
    if current_phones != record.phones:
        service.phones.all().delete()
        for index, (number, country, phone_type, description) in enumerate(record.phones):
            Phone.objects.create(
                service=service,
                number=number,
                country=country,
                type=phone_type,
                description=description,
                position=index,
            )
        changed.append("phones")

    current_areas = [(a.country, a.scope, a.description) for a in service.areas.order_by("pk")]
    if current_areas != record.areas:
        service.areas.all().delete()
        for country, scope, description in record.areas:
            ServiceArea.objects.create(service=service, country=country, scope=scope, description=description)
        changed.append("areas")

    current_schedules = [
        (s.weekday, s.opens_at, s.closes_at, s.timezone)
        for s in service.schedules.order_by("weekday", "opens_at", "pk")
    ]
    if current_schedules != sorted(record.schedules):
        service.schedules.all().delete()
        for weekday, opens_at, closes_at, zone in record.schedules:
            Schedule.objects.create(
                service=service, weekday=weekday, opens_at=opens_at, closes_at=closes_at, timezone=zone
            )
        changed.append("regular_schedule")

    if created:
        report.changes.append(f"Create {label}")
    elif changed:
        report.changes.append(f"Change {label}: {', '.join(changed)}")


def _find_organization(record: OrganizationRecord) -> Organization | None:
    if record.slug:
        return Organization.objects.filter(slug=record.slug).first()
    return Organization.objects.filter(name__iexact=record.name).order_by("pk").first()


def import_rows(rows: list[dict[str, str]], *, dry_run: bool = False) -> ImportReport:
    """Check every row, then write them all in one transaction (rolled back for a dry run)."""
    known = set(DrugClass.objects.values_list("slug", flat=True))
    records, errors = parse_rows(rows, known)
    if errors:
        raise ImportRefusedError(errors)
    report = ImportReport(dry_run=dry_run)
    try:
        _write_records(records, report, dry_run=dry_run)
    except ValidationError as error:
        # A check above missed something the model refuses: still a clear refusal, never a traceback.
        raise ImportRefusedError([f"Refused while writing: {'; '.join(error.messages)}"]) from error
    return report


def _write_records(records: dict, report: ImportReport, *, dry_run: bool) -> None:
    with transaction.atomic():
        for record in records.values():
            organization = _find_organization(record)
            if organization is None:
                organization = Organization(
                    slug=record.slug or unique_slug(Organization, record.name, fallback="listing")
                )
                _set_fields(organization, record.fields)
                organization.full_clean()
                organization.save()
                report.changes.append(f"Create organisation “{record.name}”")
            else:
                changed = _set_fields(organization, record.fields)
                if changed:
                    organization.full_clean()
                    organization.save()
                    report.changes.append(f"Change organisation “{record.name}”: {', '.join(changed)}")
            for position, service_record in enumerate(record.services.values()):
                _write_service(organization, service_record, position, report)
        if dry_run:
            transaction.set_rollback(True)


def read_csv(stream: io.TextIOBase) -> list:
    """Rows as dicts; a row the reader cannot read becomes an `UnreadableRow`, reported with the others.

    Open the file with errors="surrogateescape" so bytes that are not UTF-8
    reach `parse_rows`, which names the row, instead of failing the whole read.
    """
    reader = csv.DictReader(stream)
    try:
        fieldnames = reader.fieldnames or []
    except (csv.Error, UnicodeDecodeError) as error:
        raise ImportRefusedError([f"The header row cannot be read: {error}"]) from error
    if any("\udc80" <= character <= "\udcff" for name in fieldnames for character in name):
        raise ImportRefusedError(["The header row is not UTF-8 text"])
    missing = {"organization_name", "service_type"} - set(fieldnames)
    if missing:
        raise ImportRefusedError([f"The header row lacks the column(s): {', '.join(sorted(missing))}"])
    rows: list = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            rows.append(
                UnreadableRow(line_number=reader.line_num, problem=f"cannot be read as CSV ({error})")
            )
            continue
        rows.append(row)
    return rows
