"""The journal's forms: one day's entry, an import file, and the confirmations."""

import datetime
import json
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import conf
from .entries import (
    DAY_RATING_MAX,
    DAY_RATING_MIN,
    NOTE_MAX_LENGTH,
    PHASE_CHOICES,
    SEVERITY_CHOICES,
    SYMPTOM_KEYS,
    SYMPTOMS,
    EntryData,
)
from .planner_link import PlannedStep

DAY_RATING_CHOICES = [(value, str(value)) for value in range(DAY_RATING_MIN, DAY_RATING_MAX + 1)]
EARLIEST_DAY = datetime.date(1950, 1, 1)


def plain_decimal(value: Decimal) -> Decimal:
    """Without trailing zeros and never in exponent form: 16.2000 -> 16.2, 100 stays 100 (not 1E+2)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def symptom_field_name(key: str) -> str:
    return f"symptom_{key}"


class EntryForm(forms.Form):
    day = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )
    dose_mg = forms.DecimalField(
        label=_("Dose taken (mg)"),
        max_digits=12,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100000))],
        help_text=_("The total you took that day, in milligrams. A change of dose shows as a step."),
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    day_rating = forms.TypedChoiceField(
        label=_("How was today? (0 is the worst, 10 the best)"),
        choices=DAY_RATING_CHOICES,
        coerce=int,
    )
    phase = forms.ChoiceField(
        label=_("Wave or window?"), choices=PHASE_CHOICES, required=False, widget=forms.RadioSelect
    )
    crisis = forms.BooleanField(
        label=_("Today was a crisis: I felt unsafe or could not cope"),
        required=False,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        strip=True,
    )
    note_is_markdown = forms.BooleanField(
        label=_("My note uses Markdown (for example *emphasis* or lists)"), required=False
    )
    note_in_summary = forms.BooleanField(
        label=_("Include this note in the printable summary for my prescriber"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Symptoms after the day rating, before wave/window: the order a person thinks in.
        fields = dict(self.fields)
        ordered = {name: fields.pop(name) for name in ("day", "dose_mg", "day_rating")}
        for key, label in SYMPTOMS:
            ordered[symptom_field_name(key)] = forms.TypedChoiceField(
                label=label,
                choices=[("", _("Not rated")), *SEVERITY_CHOICES],
                coerce=int,
                empty_value=None,
                required=False,
            )
        ordered.update(fields)
        self.fields = ordered
        if not self.is_bound and "day" not in self.initial:
            self.initial["day"] = timezone.localdate()

    def symptom_fields(self):
        return [self[symptom_field_name(key)] for key in SYMPTOM_KEYS]

    def clean_day(self) -> datetime.date:
        day = self.cleaned_data["day"]
        if day < EARLIEST_DAY or day > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("Please give a date that is not in the future."))
        return day

    def entry_data(self) -> EntryData:
        data = self.cleaned_data
        return EntryData(
            day=data["day"],
            dose_mg=plain_decimal(data["dose_mg"]),
            day_rating=data["day_rating"],
            symptoms={
                key: data[symptom_field_name(key)]
                for key in SYMPTOM_KEYS
                if data.get(symptom_field_name(key)) is not None
            },
            phase=data["phase"],
            crisis=data["crisis"],
            note=data["note"],
            note_is_markdown=data["note_is_markdown"],
            note_in_summary=data["note_in_summary"],
        )

    @classmethod
    def initial_from(cls, data: EntryData) -> dict:
        initial = {
            "day": data.day,
            "dose_mg": data.dose_mg,
            "day_rating": data.day_rating,
            "phase": data.phase,
            "crisis": data.crisis,
            "note": data.note,
            "note_is_markdown": data.note_is_markdown,
            "note_in_summary": data.note_in_summary,
        }
        initial |= {symptom_field_name(key): value for key, value in data.symptoms.items()}
        return initial

    @classmethod
    def from_export(cls, item) -> "EntryForm":
        """A bound form for one entry of an export file, so an import is checked like typing."""
        if not isinstance(item, dict):
            item = {}
        symptoms = item.get("symptoms") if isinstance(item.get("symptoms"), dict) else {}
        values = {
            "day": item.get("date", ""),
            "dose_mg": item.get("dose_mg", ""),
            "day_rating": item.get("day_rating", ""),
            "phase": item.get("phase", ""),
            "note": item.get("note", ""),
        }
        for flag in ("crisis", "note_is_markdown", "note_in_summary"):
            if item.get(flag) is True:
                values[flag] = "on"
        for key in SYMPTOM_KEYS:
            if symptoms.get(key) is not None:
                values[symptom_field_name(key)] = symptoms[key]
        return cls({name: str(value) for name, value in values.items()})


class PlanFileError(ValueError):
    """An export file that cannot be read back; the message says why, for the visitor."""


EXPORT_FORMAT = "withdrawal-commons-journal"
EXPORT_VERSION = 1


def _planned_steps(raw) -> list[PlannedStep]:
    steps = []
    if not isinstance(raw, list):
        return steps
    for item in raw[: conf.get("MAX_ENTRIES")]:
        try:
            steps.append(
                PlannedStep(
                    day=datetime.date.fromisoformat(item["date"]), dose_mg=Decimal(str(item["dose_mg"]))
                )
            )
        except (KeyError, TypeError, ValueError, ArithmeticError):
            raise PlanFileError(_("The planned steps in this file are not in the expected form.")) from None
    return steps


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Journal file (.json)"),
        help_text=_("A file downloaded with “Download as JSON” from a journal on this site."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > conf.get("IMPORT_MAX_BYTES"):
            raise forms.ValidationError(_("This file is too large to be a journal export."))
        try:
            document = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise forms.ValidationError(
                _("This file is not a journal export (it is not readable JSON).")
            ) from None
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            raise forms.ValidationError(_("This file is not a journal export from this site."))
        if document.get("version") != EXPORT_VERSION:
            raise forms.ValidationError(_("This journal export comes from a version we cannot read."))
        items = document.get("entries")
        if not isinstance(items, list):
            raise forms.ValidationError(_("This journal export has no list of entries."))
        if len(items) > conf.get("MAX_ENTRIES"):
            raise forms.ValidationError(_("This journal export has more entries than a journal can hold."))
        entries = []
        for number, item in enumerate(items, start=1):
            form = EntryForm.from_export(item)
            if not form.is_valid():
                problems = "; ".join(
                    f"{form.fields[name].label if name in form.fields else name}: {' '.join(errors)}"
                    for name, errors in form.errors.items()
                )
                raise forms.ValidationError(
                    _("Entry %(number)s in the file cannot be read (%(problems)s). Nothing was imported."),
                    params={"number": number, "problems": problems},
                )
            entries.append(form.entry_data())
        try:
            planned = _planned_steps(document.get("planned_steps", []))
        except PlanFileError as error:
            raise forms.ValidationError(str(error)) from None
        return {"entries": entries, "planned_steps": planned}
