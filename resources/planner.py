"""Taper schedule arithmetic: each step cuts a fixed share of the *current* dose.

Pure functions over dataclasses, no Django models, so the numbers can be tested
on their own. Decimal keeps the figures exact (20 -> 18 -> 16.2 -> 14.58 ->
13.122) and they are rounded only for display, to as many significant figures
as it takes for every step to read differently from its neighbours and for no
step that still has a dose to read 0. This is arithmetic, not advice: the
guardrails below compare a plan with published paces and warn; they never
refuse, and nothing here says a plan is right or wrong.

Other code (the journal, for one) gets the steps for given inputs from
:func:`plan_steps`.
"""

import bisect
import csv
import hashlib
import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape as xml_escape

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import guidance, reference

MAX_STEPS = 200
HUNDRED = Decimal("100")
CENT = Decimal("0.01")
MIN_FIGURES, MAX_FIGURES = 3, 10
NOT_MEDICAL_ADVICE = gettext_lazy("arithmetic, not medical advice")


class TooManyStepsError(ValueError):
    """The inputs would need more than MAX_STEPS steps."""


# --- Showing numbers ------------------------------------------------------------------------------


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _decimals_for(value: Decimal, figures: int) -> int:
    """Two decimals at least, more when that is what `figures` significant figures need."""
    if not value:
        return 0
    return max(2, figures - 1 - value.adjusted())


def display(value: Decimal | None, figures: int = MIN_FIGURES) -> str:
    """At least two decimals or `figures` significant figures, whichever is finer, no trailing zeros.

    20, 16.2, 13.12, and 0.00107 rather than 0: a dose that is still taken never reads 0.
    """
    if value is None:
        return ""
    value = Decimal(value)
    if not value:
        return "0"
    exponent = Decimal(1).scaleb(-_decimals_for(abs(value), figures))
    text = f"{value.quantize(exponent, rounding=ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def figures_to_tell_apart(values: Sequence[Decimal]) -> int:
    """The fewest significant figures (at least three) that show consecutive values differently."""
    for figures in range(MIN_FIGURES, MAX_FIGURES + 1):
        shown = [display(value, figures) for value in values]
        if all(shown[i] != shown[i + 1] for i in range(len(shown) - 1) if values[i] != values[i + 1]):
            return figures
    return MAX_FIGURES


def duration_in_words(days: int) -> str:
    """ "about 3 years and 11 months" rather than "1428 days (about 204 weeks)"."""
    if days < 14:
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    if days < 61:
        weeks = round(days / 7)
        return ngettext("about %(n)s week", "about %(n)s weeks", weeks) % {"n": weeks}
    months = round(days / 30.4375)
    years, months = divmod(months, 12)
    if not years:
        return ngettext("about %(n)s month", "about %(n)s months", months) % {"n": months}
    year_words = ngettext("%(n)s year", "%(n)s years", years) % {"n": years}
    if not months:
        return _("about %(years)s") % {"years": year_words}
    month_words = ngettext("%(n)s month", "%(n)s months", months) % {"n": months}
    return _("about %(years)s and %(months)s") % {"years": year_words, "months": month_words}


# --- Liquids and syringes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Liquid:
    """A liquid as its label reads it: `mg` milligrams in `ml` millilitres (20 mg in 5 ml)."""

    mg: Decimal
    ml: Decimal

    @property
    def mg_per_ml(self) -> Decimal:
        return self.mg / self.ml

    def in_words(self) -> str:
        text = _("%(mg)s mg in %(ml)s ml") % {"mg": display(self.mg), "ml": display(self.ml)}
        if self.ml != 1:
            text += " " + _("(%(per_ml)s mg in each ml)") % {"per_ml": display(self.mg_per_ml)}
        return text

    def short(self) -> str:
        return _("%(per_ml)s mg/ml") % {"per_ml": display(self.mg_per_ml)}


@dataclass(frozen=True)
class Syringe:
    key: str
    capacity_ml: Decimal
    mark_ml: Decimal

    def name(self) -> str:
        return _("%(capacity)s ml syringe, %(mark)s ml marks") % {
            "capacity": display(self.capacity_ml),
            "mark": display(self.mark_ml),
        }


# Oral syringes as commonly sold; the page asks people to check the marks on their own.
SYRINGES = (
    Syringe("1", Decimal("1"), Decimal("0.01")),
    Syringe("5", Decimal("5"), Decimal("0.1")),
    Syringe("10", Decimal("10"), Decimal("0.2")),
)
SYRINGES_BY_KEY = {syringe.key: syringe for syringe in SYRINGES}


@dataclass(frozen=True)
class Measure:
    """A volume, the syringe it needs, and how close that syringe's marks come to it."""

    volume_ml: Decimal
    syringe: Syringe
    fills: int
    nearest_mark_ml: Decimal

    @property
    def too_small(self) -> bool:
        return self.volume_ml < self.syringe.mark_ml

    @property
    def between_marks(self) -> bool:
        return self.nearest_mark_ml != self.volume_ml

    @property
    def deviation_percent(self) -> Decimal:
        return (self.nearest_mark_ml - self.volume_ml) / self.volume_ml * HUNDRED

    @property
    def note(self) -> str:
        return measure_note(self)

    @property
    def is_loud(self) -> bool:
        return measure_is_loud(self)


def measure(volume_ml: Decimal, syringe: Syringe | None = None) -> Measure:
    """The chosen syringe, or else the smallest that holds the volume in one fill; never rounds silently."""
    if syringe is None:
        syringe = next((s for s in SYRINGES if volume_ml <= s.capacity_ml), SYRINGES[-1])
    fills = max(1, (volume_ml / syringe.capacity_ml).to_integral_value(rounding=ROUND_CEILING))
    nearest = (volume_ml / syringe.mark_ml).quantize(Decimal(1), rounding=ROUND_HALF_UP) * syringe.mark_ml
    return Measure(volume_ml=volume_ml, syringe=syringe, fills=int(fills), nearest_mark_ml=nearest)


def measure_note(m: Measure) -> str:
    """What the syringe's marks do to a volume; empty when the volume sits on a mark."""
    if m.too_small:
        return _("Under the smallest mark (%(mark)s ml) of this syringe: it cannot be measured with it.") % {
            "mark": display(m.syringe.mark_ml)
        }
    if m.between_marks:
        return _("Between marks: the nearest, %(nearest)s ml, is %(deviation)s%% %(direction)s.") % {
            "nearest": display(m.nearest_mark_ml),
            "deviation": display(abs(m.deviation_percent), 2),
            "direction": _("more") if m.deviation_percent > 0 else _("less"),
        }
    return ""


# A volume whose nearest mark is this far off is flagged loudly, not just noted.
LOUD_DEVIATION_PERCENT = Decimal("5")


def measure_is_loud(m: Measure) -> bool:
    return m.too_small or abs(m.deviation_percent) > LOUD_DEVIATION_PERCENT


# --- Doses that can be made -----------------------------------------------------------------------

MAX_PIECES = 4


@dataclass(frozen=True)
class Product:
    """A tablet, capsule or liquid a dose can be made from (mirrors resources.models.Formulation)."""

    kind: str  # "tablet", "capsule" or "liquid"
    strength_mg: Decimal
    volume_ml: Decimal | None = None  # liquids: strength_mg in volume_ml
    halves: bool = False  # scored to be divided into equal halves
    key: str = ""

    @property
    def liquid(self) -> Liquid | None:
        return Liquid(self.strength_mg, self.volume_ml) if self.kind == "liquid" and self.volume_ml else None


@dataclass(frozen=True)
class Piece:
    product: Product
    halves: int  # how many half units: 2 is one whole tablet

    @property
    def mg(self) -> Decimal:
        return self.product.strength_mg * self.halves / 2


@dataclass(frozen=True)
class Made:
    """How a step's dose can be made: solid pieces plus, perhaps, a measured volume of liquid."""

    target_mg: Decimal
    pieces: tuple[Piece, ...]
    liquid: Product | None = None
    liquid_measure: Measure | None = None

    @property
    def made_mg(self) -> Decimal:
        total = sum((piece.mg for piece in self.pieces), Decimal(0))
        if self.liquid_measure is not None:
            total += self.liquid_measure.nearest_mark_ml * self.liquid.liquid.mg_per_ml
        return total

    @property
    def deviation_percent(self) -> Decimal:
        return (self.made_mg - self.target_mg) / self.target_mg * HUNDRED

    @property
    def deviation_words(self) -> str:
        """ "(2.9% over the step)"; empty when the made dose is the step's dose exactly."""
        deviation = self.deviation_percent
        if not deviation:
            return ""
        template = _("%(percent)s%% over the step") if deviation > 0 else _("%(percent)s%% under the step")
        return template % {"percent": display(abs(deviation), 2)}

    def in_words(self) -> str:
        parts = []
        for piece in self.pieces:
            parts.append(_piece_words(piece))
        if self.liquid_measure is not None:
            parts.append(
                _("%(ml)s ml of %(liquid)s liquid")
                % {"ml": display(self.liquid_measure.nearest_mark_ml), "liquid": self.liquid.liquid.short()}
            )
        return _("%(made)s mg = %(how)s") % {"made": display(self.made_mg), "how": " + ".join(parts)}


NUMBER_WORDS = {
    1: gettext_lazy("one"),
    2: gettext_lazy("two"),
    3: gettext_lazy("three"),
    4: gettext_lazy("four"),
}


def _piece_words(piece: Piece) -> str:
    """ "one 50 mg tablet", "two 20 mg capsules", "half a 0.5 mg tablet", "one and a half 0.5 mg tablets"."""
    strength = display(piece.product.strength_mg)
    wholes, half = divmod(piece.halves, 2)
    values = {"n": NUMBER_WORDS.get(wholes, wholes), "mg": strength}
    if piece.product.kind == "capsule":
        return ngettext("%(n)s %(mg)s mg capsule", "%(n)s %(mg)s mg capsules", wholes) % values
    if wholes and half:
        return _("%(n)s and a half %(mg)s mg tablets") % values
    if half:
        return _("half a %(mg)s mg tablet") % values
    return ngettext("%(n)s %(mg)s mg tablet", "%(n)s %(mg)s mg tablets", wholes) % values


def solid_options(products: Sequence[Product], ceiling: Decimal) -> list[tuple[Decimal, tuple[Piece, ...]]]:
    """Every total up to `ceiling` from at most MAX_PIECES pieces (the fewest pieces for each), by total."""
    units = []
    for product in products:
        if product.kind == "liquid":
            continue
        units.append((product, 2))
        if product.halves:
            units.append((product, 1))
    best: dict[Decimal, tuple[Piece, ...]] = {Decimal(0): ()}
    for count in range(1, MAX_PIECES + 1):
        for combination in itertools.combinations_with_replacement(units, count):
            total = sum((product.strength_mg * halves / 2 for product, halves in combination), Decimal(0))
            if total > ceiling or total in best:
                continue
            halves_by_product: dict[Product, int] = {}
            for product, halves in combination:
                halves_by_product[product] = halves_by_product.get(product, 0) + halves
            best[total] = tuple(Piece(product, halves) for product, halves in halves_by_product.items())
    return sorted(best.items(), key=lambda item: item[0])


def make_dose(
    target_mg: Decimal,
    products: Sequence[Product],
    *,
    tolerance_percent: Decimal,
    solids: list[tuple[Decimal, tuple[Piece, ...]]] | None = None,
) -> Made | None:
    """The simplest way to make `target_mg` within the tolerance, or None if these forms cannot.

    Tablets and capsules alone if they can (the fewest pieces, then the closest
    dose); otherwise tablets for the bulk and the least liquid for the rest,
    because small volumes are what a 1 ml syringe measures best. `solids` (from
    solid_options) lets a schedule work the combinations out once for all its steps.
    """
    tolerance = tolerance_percent / HUNDRED
    ceiling = target_mg * (1 + tolerance)
    if solids is None:
        solids = solid_options(products, ceiling)
    totals = [total for total, _pieces in solids]
    within = solids[
        bisect.bisect_left(totals, target_mg * (1 - tolerance)) : bisect.bisect_right(totals, ceiling)
    ]
    solid_only = [(len(pieces), abs(total - target_mg), pieces) for total, pieces in within if pieces]
    if solid_only:
        return Made(target_mg=target_mg, pieces=min(solid_only, key=lambda option: option[:2])[2])
    liquids = [product for product in products if product.liquid is not None]
    candidates: list[tuple[Decimal, int, Decimal, Made]] = []
    # The largest solid total under the dose leaves the least liquid; go lower only if that fails.
    for index in range(bisect.bisect_right(totals, target_mg) - 1, -1, -1) if liquids else ():
        total, pieces = solids[index]
        for liquid in liquids:
            m = measure((target_mg - total) / liquid.liquid.mg_per_ml)
            made = Made(target_mg=target_mg, pieces=pieces, liquid=liquid, liquid_measure=m)
            if m.nearest_mark_ml > 0 and abs(made.deviation_percent) <= tolerance_percent:
                candidates.append((m.nearest_mark_ml, len(pieces), abs(made.deviation_percent), made))
        if candidates:
            break
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: candidate[:3])[3]


# --- The schedule ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanInput:
    start_dose: Decimal
    cut_percent: Decimal
    days_per_step: int
    stop_below: Decimal
    start_date: date
    liquid: Liquid | None = None
    syringe: Syringe | None = None  # None: the smallest syringe that holds each volume
    hold_steps: frozenset[int] = frozenset()  # steps that last twice as long
    products: tuple[Product, ...] = ()  # round each step to a dose these can make
    tolerance_percent: Decimal = Decimal("5")

    @property
    def concentration(self) -> Decimal | None:
        return None if self.liquid is None else self.liquid.mg_per_ml

    @property
    def products_include_liquid(self) -> bool:
        return any(product.liquid is not None for product in self.products)


@dataclass(frozen=True)
class Step:
    number: int
    start_date: date
    dose_mg: Decimal
    percent_of_start: Decimal
    cut_mg: Decimal  # from the previous step; 0 for the first; the whole last dose at the stop
    liquid_ml: Decimal | None
    equal_cuts_mg: Decimal  # the equal-cuts taper of the same length, at the same step
    is_stop: bool = False
    days: int = 0  # how long this step lasts (0 for the stop)
    is_held: bool = False
    liquid_measure: Measure | None = None
    made: Made | None = None
    not_makeable: bool = False

    @property
    def cut_percent_of_current(self) -> Decimal:
        """The cut as a share of the dose before it."""
        before = self.dose_mg + self.cut_mg
        return self.cut_mg / before * HUNDRED if before else Decimal(0)


@dataclass(frozen=True)
class Schedule:
    plan: PlanInput
    steps: tuple[Step, ...]  # the dosed steps, then one final stop step at 0 mg
    figures: int = MIN_FIGURES

    @property
    def dosed_steps(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if not step.is_stop)

    @property
    def stop_step(self) -> Step:
        return self.steps[-1]

    @property
    def stop_date(self) -> date:
        return self.steps[-1].start_date

    @property
    def total_days(self) -> int:
        return (self.stop_date - self.plan.start_date).days

    @property
    def total_weeks(self) -> Decimal:
        return (Decimal(self.total_days) / Decimal(7)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def duration_words(self) -> str:
        return duration_in_words(self.total_days)

    @property
    def has_held_steps(self) -> bool:
        return any(step.is_held for step in self.steps)

    def show(self, value: Decimal | None) -> str:
        """A dose at the precision that keeps this schedule's steps apart."""
        return display(value, self.figures)


def count_dosed_steps(start_dose: Decimal, cut_percent: Decimal, stop_below: Decimal) -> int:
    """How many steps stay at or above `stop_below`; raises TooManyStepsError past MAX_STEPS."""
    factor = 1 - cut_percent / HUNDRED
    dose, count = start_dose, 0
    while dose >= stop_below:
        count += 1
        if count > MAX_STEPS:
            raise TooManyStepsError
        dose *= factor
    return count


def build_schedule(plan: PlanInput) -> Schedule:
    factor = 1 - plan.cut_percent / HUNDRED
    count = count_dosed_steps(plan.start_dose, plan.cut_percent, plan.stop_below)
    steps: list[Step] = []
    dose = plan.start_dose
    previous = None
    day = 0
    solids = None
    if plan.products:
        solids = solid_options(plan.products, plan.start_dose * (1 + plan.tolerance_percent / HUNDRED))
    for index in range(count + 1):
        is_stop = index == count
        number = index + 1
        current = Decimal(0) if is_stop else dose
        held = not is_stop and number in plan.hold_steps
        days = 0 if is_stop else plan.days_per_step * (2 if held else 1)
        liquid_ml = None if plan.liquid is None or is_stop else current / plan.liquid.mg_per_ml
        made = None
        if plan.products and not is_stop:
            made = make_dose(current, plan.products, tolerance_percent=plan.tolerance_percent, solids=solids)
        steps.append(
            Step(
                number=number,
                start_date=plan.start_date + timedelta(days=day),
                dose_mg=current,
                percent_of_start=current / plan.start_dose * HUNDRED,
                cut_mg=Decimal(0) if previous is None else previous - current,
                liquid_ml=Decimal(0) if plan.liquid is not None and is_stop else liquid_ml,
                equal_cuts_mg=plan.start_dose * (count - index) / count,
                is_stop=is_stop,
                days=days,
                is_held=held,
                liquid_measure=None if liquid_ml is None else measure(liquid_ml, plan.syringe),
                made=made,
                not_makeable=bool(plan.products) and not is_stop and made is None,
            )
        )
        previous = current
        day += days
        dose *= factor
    figures = figures_to_tell_apart([step.dose_mg for step in steps])
    return Schedule(plan=plan, steps=tuple(steps), figures=figures)


def plan_steps(
    *,
    start_date: date,
    start_dose: Decimal,
    cut_percent: Decimal = Decimal("10"),
    days_per_step: int = 28,
    stop_below: Decimal,
    hold_steps: Iterable[int] = (),
) -> tuple[Step, ...]:
    """The steps (dated, with their doses, ending in a stop) for these inputs; for other code to call.

    Raises TooManyStepsError when the inputs would need more than MAX_STEPS steps.
    """
    plan = PlanInput(
        start_dose=Decimal(start_dose),
        cut_percent=Decimal(cut_percent),
        days_per_step=days_per_step,
        stop_below=Decimal(stop_below),
        start_date=start_date,
        hold_steps=frozenset(hold_steps),
    )
    return build_schedule(plan).steps


# --- Guardrails -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Guardrail:
    """A comparison the reader should see, with what it rests on. Never a refusal, never a verdict."""

    code: str
    text: str
    citations: tuple[guidance.Citation, ...] = ()
    quotes: tuple[str, ...] = field(default=())


def _pace_scope_note() -> str:
    return _(
        "The published paces this site quotes cover only some drug classes: the 2025 ASAM joint "
        "guideline covers benzodiazepines; the Maudsley Deprescribing Guidelines cover antidepressants, "
        "benzodiazepines, gabapentinoids and Z-drugs."
    )


def interval_and_cut_warnings(
    *, cut_percents: Sequence[Decimal], intervals: Sequence[int], drug_class_slug: str | None
) -> list[Guardrail]:
    """Cuts beyond and intervals under the published paces for this class (or a scope note)."""
    warnings: list[Guardrail] = []
    paces = guidance.paces_for(drug_class_slug) if drug_class_slug else ()
    largest_cut = max(cut_percents, default=Decimal(0))
    shortest = min(intervals, default=None)
    beyond_cut = [pace for pace in paces if largest_cut > pace.largest_cut_percent]
    if beyond_cut:
        warnings.append(
            Guardrail(
                code="cut-beyond-pace",
                text=_(
                    "A cut of %(cut)s%% of the current dose is larger than the %(largest)s%% the "
                    "published paces for this class describe as their outer edge."
                )
                % {
                    "cut": display(largest_cut),
                    "largest": display(min(p.largest_cut_percent for p in beyond_cut)),
                },
                citations=tuple(pace.citation for pace in beyond_cut),
                quotes=tuple(str(pace.typical) for pace in beyond_cut),
            )
        )
    under_interval = [
        pace for pace in paces if shortest is not None and shortest < pace.shortest_interval_days
    ]
    if under_interval:
        pace_days = max(pace.shortest_interval_days for pace in under_interval)
        warnings.append(
            Guardrail(
                code="interval-under-pace",
                text=ngettext(
                    "%(days)s day between cuts is shorter than the %(pace)s days the published paces for "
                    "this class describe.",
                    "%(days)s days between cuts is shorter than the %(pace)s days the published paces for "
                    "this class describe.",
                    shortest,
                )
                % {"days": shortest, "pace": pace_days},
                citations=tuple(pace.citation for pace in under_interval),
                quotes=tuple(str(pace.typical) for pace in under_interval),
            )
        )
    if not paces and shortest is not None and shortest < 14:
        warnings.append(
            Guardrail(
                code="interval-under-two-weeks",
                text=ngettext(
                    "%(days)s day between cuts: both published paces the site quotes describe at least 2 "
                    "weeks between cuts for the drugs in their scope.",
                    "%(days)s days between cuts: both published paces the site quotes describe at least 2 "
                    "weeks between cuts for the drugs in their scope.",
                    shortest,
                )
                % {"days": shortest},
                citations=(guidance.ASAM_2025, guidance.MAUDSLEY_2024),
                quotes=(_pace_scope_note(),),
            )
        )
    return warnings


def final_cut_warning(*, cuts_mg: Sequence[Decimal], start_dose: Decimal) -> Guardrail | None:
    """The cut to zero, when it is larger than every cut before it (or the only cut there is).

    In a taper that cuts a share of the current dose the last cut is always
    bigger than the one just before it; what the guardrail looks for is a last
    cut bigger than any before, as in 8.61 mg to 0 after cuts of 2 mg and less.
    """
    if not cuts_mg:
        return None
    final, before = cuts_mg[-1], cuts_mg[:-1]
    if before and final <= max(before):
        return None
    if not before:
        text = _("This goes from %(dose)s mg straight to a stop, in one cut of the whole dose.") % {
            "dose": display(final)
        }
    else:
        text = _(
            "The last cut, from %(dose)s mg to a stop, is %(percent)s%% of the starting dose: larger "
            "than any cut before it (the largest was %(largest)s mg)."
        ) % {
            "dose": display(final),
            "percent": display(final / start_dose * HUNDRED),
            "largest": display(max(before)),
        }
    return Guardrail(
        code="final-cut-largest",
        text=text,
        citations=(guidance.MAUDSLEY_2024,),
        quotes=(
            _(
                "The Maudsley Deprescribing Guidelines describe an equal-steps taper as likely to give "
                "increasingly severe withdrawal towards the end, and note that the last dose before "
                "stopping may need to be well under the smallest tablet."
            ),
        ),
    )


def guardrails(schedule: Schedule, *, drug_class_slug: str | None) -> list[Guardrail]:
    """Every warning for a planned schedule."""
    dosed = schedule.dosed_steps
    warnings = interval_and_cut_warnings(
        cut_percents=[schedule.plan.cut_percent] if len(dosed) > 1 else [],
        intervals=[schedule.plan.days_per_step],
        drug_class_slug=drug_class_slug,
    )
    final = final_cut_warning(
        cuts_mg=[step.cut_mg for step in schedule.steps[1:]], start_dose=schedule.plan.start_dose
    )
    if final is not None:
        warnings.append(final)
    return warnings


# --- Checking a plan someone was given ------------------------------------------------------------


@dataclass(frozen=True)
class GivenStep:
    number: int
    start_date: date | None
    dose_mg: Decimal
    cut_mg: Decimal
    cut_percent_of_current: Decimal
    interval_days: int | None  # since the step before
    flags: tuple[str, ...]

    @property
    def is_stop(self) -> bool:
        return self.dose_mg == 0


@dataclass(frozen=True)
class Equivalent:
    source: reference.Source
    diazepam_mg: Decimal


@dataclass(frozen=True)
class CheckedPlan:
    steps: tuple[GivenStep, ...]
    paces: tuple[guidance.Pace, ...]
    warnings: tuple[Guardrail, ...]
    equivalents: tuple[Equivalent, ...]
    figures: int

    @property
    def start_dose(self) -> Decimal:
        return self.steps[0].dose_mg

    @property
    def equivalent_range(self) -> tuple[Decimal, Decimal] | None:
        if not self.equivalents:
            return None
        amounts = [equivalent.diazepam_mg for equivalent in self.equivalents]
        return min(amounts), max(amounts)

    @property
    def total_days(self) -> int | None:
        dates = [step.start_date for step in self.steps]
        if None in dates:
            return None
        return (dates[-1] - dates[0]).days

    def show(self, value: Decimal | None) -> str:
        return display(value, self.figures)


def diazepam_equivalents(drug_slug: str | None, dose_mg: Decimal) -> tuple[Equivalent, ...]:
    """This dose in diazepam milligrams by each source's own figure (sources disagree; nothing averaged)."""
    row = reference.row_for(drug_slug) if drug_slug else None
    if row is None:
        return ()
    return tuple(
        Equivalent(source=figure.source, diazepam_mg=dose_mg * 10 / figure.per_10mg_diazepam)
        for figure in row.figures
    )


def linear_plan(*, start_dose: Decimal, end_dose: Decimal, weeks: int, start_date: date | None = None):
    """ "From X mg to Y mg over N weeks" read as equal cuts once a week (the page says so)."""
    return [
        (
            None if start_date is None else start_date + timedelta(weeks=week),
            start_dose - (start_dose - end_dose) * week / weeks,
        )
        for week in range(weeks + 1)
    ]


def check_plan(
    given: Sequence[tuple[date | None, Decimal]], *, drug_class_slug: str | None, drug_slug: str | None
) -> CheckedPlan:
    """Each step of a given plan as a share of the dose before it, beside the published paces."""
    paces = guidance.paces_for(drug_class_slug) if drug_class_slug else ()
    largest = min((pace.largest_cut_percent for pace in paces), default=None)
    shortest = max((pace.shortest_interval_days for pace in paces), default=14)
    steps: list[GivenStep] = []
    for index, (when, dose) in enumerate(given):
        previous_date, previous_dose = given[index - 1] if index else (None, None)
        cut = Decimal(0) if previous_dose is None else previous_dose - dose
        share = cut / previous_dose * HUNDRED if previous_dose else Decimal(0)
        interval = (when - previous_date).days if index and when and previous_date else None
        flags = []
        if largest is not None and share > largest and dose > 0:  # the stop has its own warning
            flags.append(
                _("cut of %(cut)s%%: beyond the %(largest)s%% the published paces describe")
                % {"cut": display(share), "largest": display(largest)}
            )
        if interval is not None and interval < shortest:
            flags.append(
                _("%(days)s days after the step before: under the %(pace)s days the published paces describe")
                % {"days": interval, "pace": shortest}
            )
        steps.append(
            GivenStep(
                number=index + 1,
                start_date=when,
                dose_mg=dose,
                cut_mg=cut,
                cut_percent_of_current=share,
                interval_days=interval,
                flags=tuple(flags),
            )
        )
    cut_steps = steps[1:]
    warnings = interval_and_cut_warnings(
        cut_percents=[step.cut_percent_of_current for step in cut_steps if not step.is_stop],
        intervals=[step.interval_days for step in cut_steps if step.interval_days is not None],
        drug_class_slug=drug_class_slug,
    )
    if steps[-1].is_stop:
        final = final_cut_warning(cuts_mg=[step.cut_mg for step in cut_steps], start_dose=steps[0].dose_mg)
        if final is not None:
            warnings.append(final)
    return CheckedPlan(
        steps=tuple(steps),
        paces=paces,
        warnings=tuple(warnings),
        equivalents=diazepam_equivalents(drug_slug, steps[0].dose_mg),
        figures=figures_to_tell_apart([step.dose_mg for step in steps]),
    )


# --- Outputs --------------------------------------------------------------------------------------

CSV_HEADER = [
    "step",
    "date",
    "dose_mg",
    "percent_of_start",
    "cut_from_previous_mg",
    "liquid_ml",
    "equal_cuts_comparison_mg",
    "days",
    "held",
    "syringe",
    "made_mg",
    "how_to_make",
]


def schedule_csv(schedule: Schedule) -> str:
    """The same figures as the page, at the same precision."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    show = schedule.show
    for step in schedule.steps:
        how = ""
        if step.made is not None:
            how = step.made.in_words()
        elif step.not_makeable:
            how = str(NOT_MAKEABLE)
        writer.writerow(
            [
                step.number,
                step.start_date.isoformat(),
                show(step.dose_mg),
                display(step.percent_of_start),
                show(step.cut_mg),
                display(step.liquid_ml),
                show(step.equal_cuts_mg),
                step.days,
                "yes" if step.is_held else "",
                step.liquid_measure.syringe.name() if step.liquid_measure else "",
                show(step.made.made_mg) if step.made else "",
                how,
            ]
        )
    return buffer.getvalue()


NOT_MAKEABLE = gettext_lazy(
    "not makeable with these forms alone within the tolerance: see the liquid and compounding methods"
)


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
    ).replace("\n", "\\n")


def fold_ics_line(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545, 3.1)."""
    parts: list[str] = []
    current, current_octets, limit = "", 0, 75
    for character in line:
        size = len(character.encode("utf-8"))
        if current_octets + size > limit:
            parts.append(current)
            current, current_octets, limit = character, size, 74  # continuation lines start with a space
        else:
            current += character
            current_octets += size
    parts.append(current)
    return "\r\n ".join(parts)


def step_summary(schedule: Schedule, step: Step, *, prefix: str) -> str:
    """One calendar title: the dose (or the stop and its last cut) and the not-medical-advice line."""
    if step.is_stop:
        text = _("%(prefix)s %(n)s: stop (last cut %(cut)s mg)") % {
            "prefix": prefix,
            "n": step.number,
            "cut": schedule.show(step.cut_mg),
        }
    else:
        text = f"{prefix} {step.number}: {schedule.show(step.dose_mg)} mg"
        if step.liquid_ml is not None:
            text += f" ({display(step.liquid_ml)} ml)"
        if step.is_held:
            text += " " + _("(held)")
    return f"{text} · {NOT_MEDICAL_ADVICE}"


def schedule_ics(
    schedule: Schedule, *, summary_prefix: str, description: str, now: datetime | None = None
) -> str:
    """An iCalendar file with one all-day event per step."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    plan = schedule.plan
    fingerprint = hashlib.sha256(
        f"{plan.start_dose}|{plan.cut_percent}|{plan.days_per_step}|{plan.stop_below}|"
        f"{plan.start_date}|{plan.liquid}|{sorted(plan.hold_steps)}".encode()
    ).hexdigest()[:16]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Withdrawal Commons//Taper planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for step in schedule.steps:
        lines += [
            "BEGIN:VEVENT",
            f"UID:taper-{fingerprint}-step-{step.number}@withdrawal-commons",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{step.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{step.start_date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(step_summary(schedule, step, prefix=summary_prefix))}",
            f"DESCRIPTION:{_ics_text(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold_ics_line(line) for line in lines) + "\r\n"


# --- Chart ----------------------------------------------------------------------------------------

CHART_WIDTH, CHART_HEIGHT = 640, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 16, 16, 44


def _staircase(points: list[tuple[float, float]]) -> str:
    """Hold each dose until the next step: a staircase polyline."""
    coordinates: list[str] = []
    for index, (x, y) in enumerate(points):
        if index:
            coordinates.append(f"{x:.1f},{points[index - 1][1]:.1f}")
        coordinates.append(f"{x:.1f},{y:.1f}")
    return " ".join(coordinates)


def schedule_svg(schedule: Schedule, *, title: str, description: str, legend: tuple[str, str]) -> str:
    """Inline SVG: the proportional taper and the equal-cuts taper of the same length.

    Presentation attributes and classes only (the CSP allows no style attributes).
    The x axis is time, so held steps are drawn longer; the first and last date
    labels are anchored inwards so that neither is clipped on a narrow screen.
    """
    plot_width = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    total = max(schedule.total_days, 1)
    top = float(schedule.plan.start_dose)

    def x_at(index: int) -> float:
        return (
            MARGIN_LEFT
            + plot_width * (schedule.steps[index].start_date - schedule.plan.start_date).days / total
        )

    def y_at(dose: Decimal) -> float:
        return MARGIN_TOP + plot_height * (1 - float(dose) / top)

    proportional = _staircase([(x_at(i), y_at(step.dose_mg)) for i, step in enumerate(schedule.steps)])
    equal = _staircase([(x_at(i), y_at(step.equal_cuts_mg)) for i, step in enumerate(schedule.steps)])
    bottom = MARGIN_TOP + plot_height
    right = MARGIN_LEFT + plot_width
    last_index = len(schedule.steps) - 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{xml_escape(title)}</title>',
        f'<desc id="chart-desc">{xml_escape(description)}</desc>',
        f'<line x1="{MARGIN_LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#4a575c" />',
        f'<line x1="{MARGIN_LEFT}" y1="{MARGIN_TOP}" x2="{MARGIN_LEFT}" y2="{bottom}" stroke="#4a575c" />',
    ]
    for fraction in (Decimal(0), Decimal("0.5"), Decimal(1)):
        dose = schedule.plan.start_dose * fraction
        y = y_at(dose)
        parts.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{y + 5:.1f}" text-anchor="end" font-size="13" '
            f'fill="#1d2528">{display(dose)} mg</text>'
        )
    for index in sorted({0, last_index // 2, last_index}):
        anchor = "start" if index == 0 else "end" if index == last_index else "middle"
        parts.append(
            f'<text x="{x_at(index):.1f}" y="{bottom + 18}" text-anchor="{anchor}" font-size="13" '
            f'fill="#1d2528">{schedule.steps[index].start_date.isoformat()}</text>'
        )
    parts += [
        f'<polyline class="chart-equal" points="{equal}" fill="none" stroke="#b36b00" '
        f'stroke-width="2" stroke-dasharray="6 4" />',
        f'<polyline class="chart-proportional" points="{proportional}" fill="none" stroke="#1f5f5b" '
        f'stroke-width="3" />',
        f'<line x1="{right - 330}" y1="{MARGIN_TOP + 10}" x2="{right - 300}" y2="{MARGIN_TOP + 10}" '
        f'stroke="#1f5f5b" stroke-width="3" />',
        f'<text x="{right - 294}" y="{MARGIN_TOP + 15}" font-size="13" fill="#1d2528">'
        f"{xml_escape(legend[0])}</text>",
        f'<line x1="{right - 330}" y1="{MARGIN_TOP + 30}" x2="{right - 300}" y2="{MARGIN_TOP + 30}" '
        f'stroke="#b36b00" stroke-width="2" stroke-dasharray="6 4" />',
        f'<text x="{right - 294}" y="{MARGIN_TOP + 35}" font-size="13" fill="#1d2528">'
        f"{xml_escape(legend[1])}</text>",
        "</svg>",
    ]
    return "\n".join(parts)
