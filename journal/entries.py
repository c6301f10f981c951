"""What one day in a journal holds, and what a run of days shows.

Pure Python over dataclasses (no database, no keys), so the reading of a
journal (steps, days since a cut, the crisis rule, trends) is tested on its own.
"""

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DAY_RATING_MIN, DAY_RATING_MAX = 0, 10
# "How was today?" 0 is the worst day, 10 the best. A day rated this low or lower
# counts as very high distress and opens the journal with crisis help.
CRISIS_DAY_RATING = 1

SEVERITY_CHOICES = [
    (0, pgettext_lazy("symptom severity", "None")),
    (1, pgettext_lazy("symptom severity", "Mild")),
    (2, pgettext_lazy("symptom severity", "Moderate")),
    (3, pgettext_lazy("symptom severity", "Severe")),
]
SEVERITY_MAX = 3
# A symptom at its maximum that, on the latest day, opens the journal with crisis help.
CRISIS_SYMPTOMS = ("low_mood",)

SYMPTOMS = [
    ("sleep", _("Sleep problems")),
    ("anxiety", _("Anxiety")),
    ("low_mood", _("Low mood")),
    ("dizziness", _("Dizziness")),
    ("brain_zaps", _("Brain zaps")),
    ("irritability", _("Irritability")),
    ("pain", _("Pain or aches")),
    ("nausea", _("Nausea")),
    ("fatigue", _("Tiredness")),
    ("restlessness", _("Inner restlessness")),
]
SYMPTOM_KEYS = tuple(key for key, _label in SYMPTOMS)
SYMPTOM_LABELS = dict(SYMPTOMS)

PHASE_CHOICES = [
    ("", _("Neither, or not sure")),
    ("wave", _("Wave (symptoms came back or got worse)")),
    ("window", _("Window (a better stretch)")),
]
PHASES = {"", "wave", "window"}
NOTE_MAX_LENGTH = 2000


@dataclass(frozen=True)
class EntryData:
    day: datetime.date
    dose_mg: Decimal
    day_rating: int
    symptoms: dict[str, int] = field(default_factory=dict)
    phase: str = ""
    crisis: bool = False
    note: str = ""
    note_is_markdown: bool = False
    note_html: str = ""  # the note rendered once, on save, through the site's Markdown pipeline
    note_in_summary: bool = False

    def to_dict(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "dose_mg": format(self.dose_mg, "f"),
            "day_rating": self.day_rating,
            "symptoms": {key: self.symptoms[key] for key in SYMPTOM_KEYS if key in self.symptoms},
            "phase": self.phase,
            "crisis": self.crisis,
            "note": self.note,
            "note_is_markdown": self.note_is_markdown,
            "note_in_summary": self.note_in_summary,
        }

    def to_stored(self) -> dict:
        return {**self.to_dict(), "note_html": self.note_html}

    @classmethod
    def from_stored(cls, data: dict) -> "EntryData":
        return cls(
            day=datetime.date.fromisoformat(data["date"]),
            dose_mg=Decimal(data["dose_mg"]),
            day_rating=int(data["day_rating"]),
            symptoms={
                key: int(value) for key, value in data.get("symptoms", {}).items() if key in SYMPTOM_KEYS
            },
            phase=data.get("phase", ""),
            crisis=bool(data.get("crisis", False)),
            note=data.get("note", ""),
            note_is_markdown=bool(data.get("note_is_markdown", False)),
            note_html=data.get("note_html", ""),
            note_in_summary=bool(data.get("note_in_summary", False)),
        )

    @property
    def is_crisis(self) -> bool:
        """Very high distress: marked as a crisis, a day rated 0 or 1, or low mood at its worst."""
        return (
            self.crisis
            or self.day_rating <= CRISIS_DAY_RATING
            or any(self.symptoms.get(key) == SEVERITY_MAX for key in CRISIS_SYMPTOMS)
        )

    @property
    def symptom_list(self) -> list[tuple[str, int, str]]:
        labels = dict(SEVERITY_CHOICES)
        return [
            (str(SYMPTOM_LABELS[key]), self.symptoms[key], str(labels[self.symptoms[key]]))
            for key in SYMPTOM_KEYS
            if key in self.symptoms
        ]


@dataclass(frozen=True)
class Day:
    """An entry as the timeline shows it: with its id, and read against the days before it."""

    entry_id: int | None
    data: EntryData
    is_step: bool = False  # the dose differs from the previous entry's
    is_cut: bool = False  # ... and is lower
    days_since_cut: int | None = None  # None before the first recorded cut


@dataclass(frozen=True)
class Step:
    day: datetime.date
    from_mg: Decimal | None
    to_mg: Decimal

    @property
    def is_cut(self) -> bool:
        return self.from_mg is not None and self.to_mg < self.from_mg

    @property
    def percent_change(self) -> Decimal | None:
        if self.from_mg in (None, Decimal(0)):
            return None
        return ((self.to_mg - self.from_mg) / self.from_mg * 100).quantize(Decimal("0.1"))


def read_days(entries: list[tuple[int | None, EntryData]]) -> list[Day]:
    """Entries in date order, each marked as a step or cut, with the days since the last cut."""
    ordered = sorted(entries, key=lambda item: (item[1].day, item[0] or 0))
    days: list[Day] = []
    previous_dose: Decimal | None = None
    last_cut: datetime.date | None = None
    for entry_id, data in ordered:
        is_step = previous_dose is not None and data.dose_mg != previous_dose
        is_cut = is_step and data.dose_mg < previous_dose
        if is_cut:
            last_cut = data.day
        days.append(
            Day(
                entry_id=entry_id,
                data=data,
                is_step=is_step,
                is_cut=is_cut,
                days_since_cut=None if last_cut is None else (data.day - last_cut).days,
            )
        )
        previous_dose = data.dose_mg
    return days


def steps(days: list[Day]) -> list[Step]:
    """The first dose, then every change of dose."""
    result: list[Step] = []
    previous: Decimal | None = None
    for day in days:
        if previous is None or day.data.dose_mg != previous:
            result.append(Step(day=day.data.day, from_mg=previous, to_mg=day.data.dose_mg))
        previous = day.data.dose_mg
    return result


def latest(days: list[Day]) -> Day | None:
    return days[-1] if days else None


@dataclass(frozen=True)
class Trend:
    label: str
    count: int
    earlier_average: Decimal | None
    later_average: Decimal | None
    worst: int  # the highest symptom rating, or the lowest day rating


def _average(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.1"))


def trends(days: list[Day]) -> list[Trend]:
    """Per rated symptom: the average of the earlier half of its ratings against the later half."""
    result = []
    for key in SYMPTOM_KEYS:
        values = [day.data.symptoms[key] for day in days if key in day.data.symptoms]
        if not values:
            continue
        half = len(values) // 2
        earlier, later = (values[:half], values[half:]) if half else ([], values)
        result.append(
            Trend(
                label=str(SYMPTOM_LABELS[key]),
                count=len(values),
                earlier_average=_average(earlier),
                later_average=_average(later),
                worst=max(values),
            )
        )
    return result


def day_rating_trend(days: list[Day]) -> Trend | None:
    values = [day.data.day_rating for day in days]
    if not values:
        return None
    half = len(values) // 2
    earlier, later = (values[:half], values[half:]) if half else ([], values)
    return Trend(
        label=str(_("Day rating (0 worst, 10 best)")),
        count=len(values),
        earlier_average=_average(earlier),
        later_average=_average(later),
        worst=min(values),
    )


def parse_decimal(value) -> Decimal | None:
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return result if result.is_finite() else None


def with_note_html(data: EntryData, html: str) -> EntryData:
    return replace(data, note_html=html)
