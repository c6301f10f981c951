"""A journal as files its owner can keep: JSON (which imports back) and CSV (for a spreadsheet)."""

import csv
import io
import json

from django.utils import timezone

from .entries import SYMPTOM_KEYS, read_days
from .forms import EXPORT_FORMAT, EXPORT_VERSION
from .services import OpenJournal

CSV_COLUMNS = [
    "date",
    "dose_mg",
    "dose_step",
    "days_since_last_cut",
    "day_rating",
    *(f"symptom_{key}" for key in SYMPTOM_KEYS),
    "wave_or_window",
    "crisis",
    "note",
]


def export_document(opened: OpenJournal) -> dict:
    days = read_days(opened.entries())
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_on": timezone.localdate().isoformat(),
        "planned_steps": [
            {"date": step.day.isoformat(), "dose_mg": format(step.dose_mg, "f")}
            for step in opened.planned_steps()
        ],
        "entries": [day.data.to_dict() for day in days],
    }


def export_json(opened: OpenJournal) -> str:
    return json.dumps(export_document(opened), ensure_ascii=False, indent=2) + "\n"


def _spreadsheet_safe(value: str) -> str:
    # A cell starting with one of these is a formula in a spreadsheet; make it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(opened: OpenJournal) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for day in read_days(opened.entries()):
        data = day.data
        writer.writerow(
            [
                data.day.isoformat(),
                format(data.dose_mg, "f"),
                "yes" if day.is_step else "",
                "" if day.days_since_cut is None else day.days_since_cut,
                data.day_rating,
                *(data.symptoms.get(key, "") for key in SYMPTOM_KEYS),
                data.phase,
                "yes" if data.crisis else "",
                _spreadsheet_safe(data.note),
            ]
        )
    return buffer.getvalue()
