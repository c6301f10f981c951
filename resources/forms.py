from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Drug, DrugClass
from .planner import MAX_STEPS, PlanInput, TooManyStepsError, count_dosed_steps

EARLIEST_START = date(1990, 1, 1)
LATEST_START = date(2100, 12, 31)


class PositiveDecimalField(forms.DecimalField):
    """A decimal that must be above zero (min_value alone would allow zero)."""

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Enter a number above zero."), code="not_positive")


class PlannerForm(forms.Form):
    """The planner's inputs, all from GET so a schedule has a shareable address."""

    start_dose = PositiveDecimalField(
        label=_("Starting dose (mg)"),
        max_digits=10,
        decimal_places=4,
        validators=[MaxValueValidator(Decimal("10000"))],
        help_text=_("The daily amount you take now, in milligrams."),
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
    stop_below = PositiveDecimalField(
        label=_("Stop when the dose falls below (mg)"),
        max_digits=10,
        decimal_places=4,
        help_text=_("The schedule ends with a stop once the next dose would be smaller than this."),
    )
    start_date = forms.DateField(
        label=_("Start date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to start today."),
    )
    concentration = PositiveDecimalField(
        label=_("Liquid concentration in mg/ml (optional)"),
        required=False,
        max_digits=10,
        decimal_places=4,
        validators=[MaxValueValidator(Decimal("1000"))],
        help_text=_("Fill this in to see each dose in millilitres of liquid."),
    )
    drug = forms.ModelChoiceField(
        label=_("Drug (optional)"),
        queryset=Drug.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("No drug chosen"),
    )
    acknowledged = forms.BooleanField(
        label=_(
            "I understand this is arithmetic, not medical advice, and I will discuss any change "
            "with my prescriber."
        ),
        required=True,
        error_messages={"required": _("Please tick this box to see a schedule.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["drug"].queryset = Drug.objects.filter(is_published=True).only("name", "slug")

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

    def clean(self) -> dict:
        cleaned = super().clean()
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
        if days and start_date and start_date + timedelta(days=steps * days) > date(9999, 1, 1):
            self.add_error("start_date", _("This schedule would end too far in the future."))
        return cleaned

    def plan_input(self) -> PlanInput:
        data = self.cleaned_data
        return PlanInput(
            start_dose=data["start_dose"],
            cut_percent=data["cut_percent"],
            days_per_step=data["days_per_step"],
            stop_below=data["stop_below"],
            start_date=data["start_date"],
            concentration=data.get("concentration"),
        )


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
