"""Loading the bundled crisis lines (`demo_data/crisis_lines.json`) into the database.

Run by `load_demo` and by `manage.py load_crisis_lines` on a live site. Each
line is its own organisation (named as the line is known), with one service
marked as a crisis line, one national area and one phone. The file records
where and when its facts were checked; the newest check wins, so loading the
file again never undoes an admin's later re-verification or edit.
"""

import datetime

from django.db import transaction
from django.utils.text import slugify

from . import crisis_snapshot
from .models import EmergencyNumber, Organization, Phone, Schedule, Service, ServiceArea

ALL_DAY = datetime.time(0, 0)
TIME_ZONES = {
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "US": "America/New_York",
    "CA": "America/Toronto",
    "AU": "Australia/Sydney",
    "ES": "Europe/Madrid",
    "PL": "Europe/Warsaw",
}


def _is_all_day(hours: str) -> bool:
    text = hours.lower()
    return ("24" in text) and any(word in text for word in ("every day", "todos los días", "7 dni"))


@transaction.atomic
def load_bundled(data: dict | None = None) -> tuple[int, int]:
    """Create or update the crisis lines and emergency numbers; returns (lines, emergency numbers).

    Writes only what differs from the file, so loading it again adds no
    versions to the history of lines, phones and numbers an admin may need to
    read or revert (and costs a few reads, not a rewrite of every line).
    """
    data = data or crisis_snapshot.bundled()
    checked_on = datetime.date.fromisoformat(data["checked_on"])
    line_count = emergency_count = 0
    for code, entry in data["countries"].items():
        for position, item in enumerate(entry.get("emergency", [])):
            number, created = EmergencyNumber.objects.get_or_create(
                country=code, number=item["number"], defaults={"label": item["label"], "position": position}
            )
            if not created and (number.label, number.position) != (item["label"], position):
                number.label, number.position = item["label"], position
                number.save()
            emergency_count += 1
        for position, item in enumerate(entry.get("lines", [])):
            _load_line(code=code, item=item, position=position, checked_on=checked_on)
            line_count += 1
    crisis_snapshot.write_after_commit()
    return line_count, emergency_count


def _load_line(*, code: str, item: dict, position: int, checked_on: datetime.date) -> Service:
    organization, _created = Organization.objects.get_or_create(
        slug=slugify(item["name"])[:200], defaults={"name": item["name"]}
    )
    service = organization.services.order_by("position", "pk").first()
    if service is not None and service.last_verified and service.last_verified > checked_on:
        return service  # an admin checked it after the file was made: theirs is newer
    if organization.name != item["name"]:
        organization.name = item["name"]
        organization.save()
    created = service is None
    if created:
        service = Service(organization=organization, type=Service.Type.HELPLINE)
    wanted = {
        "is_crisis_line": True,
        "status": Service.Status.ACTIVE,
        "hours_note": item.get("hours", ""),
        "cost": item.get("cost", ""),
        "verification_source": item.get("source", ""),
        "last_verified": checked_on,
        "verified_by_id": None,
        "position": position,
        "languages": "",
    }
    if created or any(getattr(service, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(service, field, value)
        service.save()

    areas = [(area.country, area.scope, area.description) for area in service.areas.order_by("pk")]
    if areas != [(code, ServiceArea.Scope.NATIONAL, "")]:
        service.areas.all().delete()
        ServiceArea.objects.create(service=service, country=code, scope=ServiceArea.Scope.NATIONAL)

    phone = Phone(
        service=service,
        number=item["number"],
        country=code,
        type=Phone.Type.TEXT if item.get("kind") == "text" else Phone.Type.VOICE,
        sms_body=item.get("sms_body", ""),
    )
    phone.normalise()
    phone_fields = ("number", "country", "type", "sms_body", "description", "position")
    phones = [tuple(getattr(p, field) for field in phone_fields) for p in service.phones.order_by("pk")]
    if phones != [tuple(getattr(phone, field) for field in phone_fields)]:
        service.phones.all().delete()
        phone.save()

    schedules = []
    if _is_all_day(item.get("hours", "")) and code in TIME_ZONES:
        schedules = [(day, ALL_DAY, ALL_DAY, TIME_ZONES[code]) for day in Schedule.Weekday.values]
    current = [
        (s.weekday, s.opens_at, s.closes_at, s.timezone) for s in service.schedules.order_by("weekday", "pk")
    ]
    if current != schedules:
        service.schedules.all().delete()
        Schedule.objects.bulk_create(
            Schedule(service=service, weekday=day, opens_at=opens, closes_at=closes, timezone=zone)
            for day, opens, closes, zone in schedules
        )
    return service
