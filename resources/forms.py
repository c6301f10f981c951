import itertools
import re
from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taxonomy.models import DrugClass

from . import planner
from .models import Drug, Formulation
from .planner import MAX_STEPS, PlanInput, TooManyStepsError, count_dosed_steps

EARLIEST_START = date(1990, 1, 1)
LATEST_START = date(2100, 12, 31)
MAX_GIVEN_STEPS = 200
COUNTRIES = (
    ("", _("Any country")),
    ("GB", _("United Kingdom")),
    ("IE", _("Ireland")),
    ("US", _("United States")),
    ("ES", _("Spain")),
    ("PL", _("Poland")),
)


def _shown_name(drug: Drug) -> str:
    """Drug choices read in the page's language ("Sertralina" on /es/)."""
    return drug.shown_name


class CommaDecimalField(forms.DecimalField):
    """A decimal that also accepts a decimal comma: "12,5" is 12.5, as it is written in much of Europe.

    A text input with a decimal keypad, because a number input refuses the comma in many browsers.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def widget_attrs(self, widget):
        # No step/min/max: those belong to number inputs and would only confuse a text input.
        return {
            key: value
            for key, value in super().widget_attrs(widget).items()
            if key not in ("step", "min", "max")
        }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


class PositiveDecimalField(CommaDecimalField):
    """A decimal that must be above zero (min_value alone would allow zero)."""

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Enter a number above zero."), code="not_positive")


def _dose_field(label, **kwargs) -> PositiveDecimalField:
    kwargs.setdefault("validators", [MaxValueValidator(Decimal("10000"))])
    return PositiveDecimalField(label=label, max_digits=12, decimal_places=6, **kwargs)


class PlannerForm(forms.Form):
    """The planner's inputs, all from GET so a schedule has a shareable address.

    The figures filled in (10%, 28 days) are there so the arithmetic has
    something to start from; the page says they are not a recommendation.
    """

    start_dose = _dose_field(
        _("Starting dose (mg)"), help_text=_("The daily amount you take now, in milligrams.")
    )
    cut_percent = PositiveDecimalField(
        label=_("Cut per step (% of the current dose)"),
        max_digits=6,
        decimal_places=3,
        initial=Decimal("10"),
        validators=[MaxValueValidator(Decimal("99.999"))],
        help_text=_("Each step takes this share off the dose of the step before, so steps get smaller."),
    )
    days_per_step = forms.IntegerField(
        label=_("Days per step"),
        initial=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    stop_below = _dose_field(
        _("Stop when the dose falls below (mg)"),
        help_text=_("The schedule ends with a stop once the next dose would be smaller than this."),
    )
    start_date = forms.DateField(
        label=_("Start date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to start today."),
    )
    drug = forms.ModelChoiceField(
        label=_("Drug (optional)"),
        queryset=Drug.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("No drug chosen"),
        help_text=_("Choosing a drug compares the plan with the published paces for its class."),
    )
    country = forms.ChoiceField(
        label=_("Country (optional)"),
        choices=COUNTRIES,
        required=False,
        help_text=_("Forms and strengths differ between countries."),
    )
    liquid_mg = _dose_field(
        _("Liquid: milligrams (optional)"),
        required=False,
        help_text=_('As the label says it: for "20 mg in 5 ml" enter 20 here and 5 below.'),
    )
    liquid_ml = PositiveDecimalField(
        label=_("Liquid: in how many millilitres"),
        required=False,
        max_digits=10,
        decimal_places=4,
        validators=[MaxValueValidator(Decimal("1000"))],
    )
    syringe = forms.ChoiceField(
        label=_("Oral syringe"),
        required=False,
        choices=lambda: (
            [("", _("The smallest that holds each dose"))]
            + [(syringe.key, syringe.name()) for syringe in planner.SYRINGES]
        ),
    )
    hold_steps = forms.CharField(
        label=_("Hold steps (optional)"),
        required=False,
        max_length=200,
        help_text=_("Step numbers to stay at for twice as long, separated by commas, for example 5, 12."),
    )
    formulations = forms.MultipleChoiceField(
        label=_("Round each step to a dose I can make from"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tolerance_percent = PositiveDecimalField(
        label=_("Rounding tolerance (%)"),
        required=False,
        initial=Decimal("5"),
        max_digits=5,
        decimal_places=2,
        validators=[MaxValueValidator(Decimal("25"))],
        help_text=_("How far a made dose may be from the step's dose."),
    )
    acknowledged = forms.BooleanField(
        label=_(
            "I understand this is arithmetic, not medical advice, and I will discuss any change "
            "with my prescriber."
        ),
        required=True,
        error_messages={"required": _("Please tick this box to see a schedule.")},
    )

    def __init__(self, *args, formulations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["drug"].queryset = Drug.objects.published().only("name", "slug", "local_names")
        self.fields["drug"].label_from_instance = _shown_name
        self.formulation_records = {str(record.pk): record for record in formulations}
        self.fields["formulations"].choices = [
            (key, _formulation_choice_label(record)) for key, record in self.formulation_records.items()
        ]
        if not formulations:
            del self.fields["formulations"]
            del self.fields["tolerance_percent"]

    def clean_cut_percent(self) -> Decimal:
        value = self.cleaned_data["cut_percent"]
        if value >= 100:
            raise forms.ValidationError(_("The cut must be less than 100%."), code="too_large")
        return value

    def clean_start_date(self) -> date:
        value = self.cleaned_data.get("start_date") or timezone.localdate()
        if not EARLIEST_START <= value <= LATEST_START:
            raise forms.ValidationError(
                _("Choose a start date between %(earliest)s and %(latest)s."),
                params={"earliest": EARLIEST_START.isoformat(), "latest": LATEST_START.isoformat()},
                code="out_of_range",
            )
        return value

    def clean_hold_steps(self) -> frozenset[int]:
        text = self.cleaned_data.get("hold_steps", "")
        numbers = set()
        for part in text.replace(";", ",").replace(" ", ",").split(","):
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= MAX_STEPS:
                raise forms.ValidationError(
                    _("Enter step numbers between 1 and %(max)s, separated by commas."),
                    params={"max": MAX_STEPS},
                    code="bad_steps",
                )
            numbers.add(int(part))
        return frozenset(numbers)

    def clean(self) -> dict:
        cleaned = super().clean()
        liquid_mg, liquid_ml = cleaned.get("liquid_mg"), cleaned.get("liquid_ml")
        if liquid_mg and not liquid_ml and "liquid_ml" not in self.errors:
            self.add_error(
                "liquid_ml", _('Enter the millilitres that hold those milligrams (5 for "in 5 ml").')
            )
        if liquid_ml and not liquid_mg and "liquid_mg" not in self.errors:
            self.add_error("liquid_mg", _("Enter the milligrams in that many millilitres."))
        start_dose = cleaned.get("start_dose")
        stop_below = cleaned.get("stop_below")
        cut_percent = cleaned.get("cut_percent")
        if start_dose is None or stop_below is None or cut_percent is None:
            return cleaned
        if stop_below >= start_dose:
            self.add_error("stop_below", _("This must be smaller than the starting dose."))
            return cleaned
        try:
            steps = count_dosed_steps(start_dose, cut_percent, stop_below)
        except TooManyStepsError:
            self.add_error(
                None,
                _(
                    "These numbers would need more than %(max)s steps. Try a larger cut per step "
                    "or a higher stopping dose."
                )
                % {"max": MAX_STEPS},
            )
            return cleaned
        days = cleaned.get("days_per_step")
        start_date = cleaned.get("start_date")
        if days and start_date and start_date + timedelta(days=2 * steps * days) > date(9999, 1, 1):
            self.add_error("start_date", _("This schedule would end too far in the future."))
        return cleaned

    def plan_input(self) -> PlanInput:
        data = self.cleaned_data
        liquid = None
        if data.get("liquid_mg") and data.get("liquid_ml"):
            liquid = planner.Liquid(mg=data["liquid_mg"], ml=data["liquid_ml"])
        products = tuple(
            product_from(self.formulation_records[key]) for key in data.get("formulations") or ()
        )
        return PlanInput(
            start_dose=data["start_dose"],
            cut_percent=data["cut_percent"],
            days_per_step=data["days_per_step"],
            stop_below=data["stop_below"],
            start_date=data["start_date"],
            liquid=liquid,
            syringe=planner.SYRINGES_BY_KEY.get(data.get("syringe") or ""),
            hold_steps=data.get("hold_steps") or frozenset(),
            products=products,
            tolerance_percent=data.get("tolerance_percent") or Decimal("5"),
        )


def product_from(record: Formulation) -> planner.Product:
    return planner.Product(
        kind=record.kind,
        strength_mg=record.strength_mg,
        volume_ml=record.volume_ml,
        halves=record.splitting == Formulation.Splitting.HALVES and not record.modified_release,
        key=str(record.pk),
    )


def _formulation_choice_label(record: Formulation) -> str:
    details = [record.label]
    if record.kind == Formulation.Kind.TABLET:
        details.append(str(record.get_splitting_display()))
    if record.modified_release:
        details.append(str(_("modified release: not to be split or crushed")))
    if record.country:
        details.append(record.country)
    return ", ".join(details)


_DATE = r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})"
_DOSE = r"(?P<dose>\d+(?:[.,]\d+)?)\s*(?:mg)?"
GIVEN_LINE = re.compile(rf"^\s*(?:{_DATE}\s*[:;,\t ]\s*)?{_DOSE}\s*$", re.IGNORECASE)


def _parse_date(text: str) -> date:
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
    else:
        year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


class PlanCheckForm(forms.Form):
    """A schedule someone was given, step by step or as "from X mg to Y mg over N weeks"."""

    drug = forms.ModelChoiceField(
        label=_("Drug (optional)"),
        queryset=Drug.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("No drug chosen"),
        help_text=_("Choosing a drug sets the plan beside the published paces for its class."),
    )
    given_steps = forms.CharField(
        label=_("The steps, one a line: date and dose in mg"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text=_(
            'For example "2026-01-05 20" on one line and "2026-01-19 15" on the next; the date may also '
            "be written day/month/year (05/01/2026 for 5 January), or left out on every line. End with 0 "
            "if the plan ends with a stop."
        ),
    )
    start_dose = _dose_field(_("Or: starting dose (mg)"), required=False)
    weeks = forms.IntegerField(
        label=_("over how many weeks"),
        required=False,
        validators=[MinValueValidator(1), MaxValueValidator(520)],
    )
    end_dose = CommaDecimalField(
        label=_("to an end dose (mg; 0 for a stop)"),
        required=False,
        max_digits=12,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("10000"))],
    )
    start_date = forms.DateField(
        label=_("starting on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    acknowledged = forms.BooleanField(
        label=_(
            "I understand this is arithmetic, not medical advice, and I will discuss any change "
            "with my prescriber."
        ),
        required=True,
        error_messages={"required": _("Please tick this box to see the comparison.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["drug"].queryset = Drug.objects.published().select_related("drug_class")
        self.fields["drug"].label_from_instance = _shown_name

    def clean_given_steps(self) -> list[tuple[date | None, Decimal]]:
        text = self.cleaned_data.get("given_steps", "")
        steps: list[tuple[date | None, Decimal]] = []
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > MAX_GIVEN_STEPS:
            raise forms.ValidationError(
                _("Enter at most %(max)s steps."), params={"max": MAX_GIVEN_STEPS}, code="too_many"
            )
        for number, line in enumerate(lines, start=1):
            match = GIVEN_LINE.match(line)
            when = None
            try:
                if match is None:
                    raise ValueError
                if match["date"]:
                    when = _parse_date(match["date"])
                dose = Decimal(match["dose"].replace(",", "."))
            except (ValueError, ArithmeticError):
                raise forms.ValidationError(
                    _('Line %(line)s ("%(text)s") is not a date and a dose, such as "2026-01-05 20".'),
                    params={"line": number, "text": line.strip()[:60]},
                    code="bad_line",
                ) from None
            if dose > 10000:
                raise forms.ValidationError(
                    _("Line %(line)s: enter a dose of at most 10000 mg."),
                    params={"line": number},
                    code="large",
                )
            steps.append((when, dose))
        if not steps:
            return steps
        dates = [when for when, _dose in steps]
        if any(dates) and not all(dates):
            raise forms.ValidationError(_("Give a date on every line, or on none."), code="some_dates")
        if all(dates) and any(later <= earlier for earlier, later in itertools.pairwise(dates)):
            raise forms.ValidationError(_("Each date must come after the one above it."), code="date_order")
        if steps[0][1] <= 0:
            raise forms.ValidationError(_("The first dose must be above zero."), code="first_zero")
        if len(steps) < 2:
            raise forms.ValidationError(_("Enter at least two steps."), code="too_few")
        return steps

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors.get("given_steps"):
            return cleaned
        given = cleaned.get("given_steps")
        linear = [cleaned.get(name) for name in ("start_dose", "weeks", "end_dose")]
        if given:
            cleaned["plan"] = given
            return cleaned
        if all(value is None for value in linear) and not any(
            name in self.errors for name in ("start_dose", "weeks", "end_dose")
        ):
            self.add_error(
                "given_steps", _("Enter the steps, or a starting dose, a number of weeks and an end dose.")
            )
            return cleaned
        start_dose, weeks, end_dose = linear
        for name, value in zip(("start_dose", "weeks", "end_dose"), linear, strict=True):
            if value is None and name not in self.errors:
                self.add_error(name, _("Enter this too, or enter the steps one a line instead."))
        if start_dose is not None and end_dose is not None and end_dose >= start_dose:
            self.add_error("end_dose", _("This must be smaller than the starting dose."))
        if not self.errors:
            cleaned["plan"] = planner.linear_plan(
                start_dose=start_dose, end_dose=end_dose, weeks=weeks, start_date=cleaned.get("start_date")
            )
        return cleaned


class ListFilterForm(forms.Form):
    """Filter a community list by drug class and tag (GET)."""

    drug_class = forms.ModelChoiceField(
        label=_("Drug class"),
        queryset=DrugClass.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All drug classes"),
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("All tags")), *((tag.slug, tag.name) for tag in tags)]


class DrugFilterForm(forms.Form):
    drug_class = forms.ModelChoiceField(
        label=_("Drug class"),
        queryset=DrugClass.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All drug classes"),
    )
    q = forms.CharField(label=_("Name or brand name contains"), required=False, max_length=100)
