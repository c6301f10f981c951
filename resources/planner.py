"""Taper schedule arithmetic: each step cuts a fixed share of the *current* dose.

Pure functions over dataclasses, no Django models, so the numbers can be tested
on their own. Decimal keeps the figures exact (20 -> 18 -> 16.2 -> 14.58 ->
13.122) and they are rounded only for display. This is arithmetic, not advice.
"""

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape as xml_escape

MAX_STEPS = 200
HUNDRED = Decimal("100")
CENT = Decimal("0.01")


class TooManyStepsError(ValueError):
    """The inputs would need more than MAX_STEPS steps."""


@dataclass(frozen=True)
class PlanInput:
    start_dose: Decimal
    cut_percent: Decimal
    days_per_step: int
    stop_below: Decimal
    start_date: date
    concentration: Decimal | None = None  # mg per ml of a liquid


@dataclass(frozen=True)
class Step:
    number: int
    start_date: date
    dose_mg: Decimal
    percent_of_start: Decimal
    cut_mg: Decimal  # from the previous step; 0 for the first
    liquid_ml: Decimal | None
    equal_cuts_mg: Decimal  # the equal-cuts taper of the same length, at the same step
    is_stop: bool = False


@dataclass(frozen=True)
class Schedule:
    plan: PlanInput
    steps: tuple[Step, ...]  # the dosed steps, then one final stop step at 0 mg

    @property
    def dosed_steps(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if not step.is_stop)

    @property
    def stop_date(self) -> date:
        return self.steps[-1].start_date

    @property
    def total_days(self) -> int:
        return (self.stop_date - self.plan.start_date).days

    @property
    def total_weeks(self) -> Decimal:
        return (Decimal(self.total_days) / Decimal(7)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def display(value: Decimal | None) -> str:
    """Two decimals at most, without trailing zeros: 20, 16.2, 13.12."""
    if value is None:
        return ""
    text = f"{rounded(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


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
    for index in range(count + 1):
        is_stop = index == count
        current = Decimal(0) if is_stop else dose
        equal = plan.start_dose * (count - index) / count
        steps.append(
            Step(
                number=index + 1,
                start_date=plan.start_date + timedelta(days=index * plan.days_per_step),
                dose_mg=current,
                percent_of_start=current / plan.start_dose * HUNDRED,
                cut_mg=Decimal(0) if previous is None else previous - current,
                liquid_ml=None if plan.concentration is None else current / plan.concentration,
                equal_cuts_mg=equal,
                is_stop=is_stop,
            )
        )
        previous = current
        dose *= factor
    return Schedule(plan=plan, steps=tuple(steps))


# --- Outputs --------------------------------------------------------------------------------------

CSV_HEADER = [
    "step",
    "date",
    "dose_mg",
    "percent_of_start",
    "cut_from_previous_mg",
    "liquid_ml",
    "equal_cuts_comparison_mg",
]


def schedule_csv(schedule: Schedule) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for step in schedule.steps:
        writer.writerow(
            [
                step.number,
                step.start_date.isoformat(),
                display(step.dose_mg),
                display(step.percent_of_start),
                display(step.cut_mg),
                display(step.liquid_ml),
                display(step.equal_cuts_mg),
            ]
        )
    return buffer.getvalue()


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


def schedule_ics(
    schedule: Schedule, *, summary_prefix: str, description: str, now: datetime | None = None
) -> str:
    """An iCalendar file with one all-day event per step."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    plan = schedule.plan
    fingerprint = hashlib.sha256(
        f"{plan.start_dose}|{plan.cut_percent}|{plan.days_per_step}|{plan.stop_below}|"
        f"{plan.start_date}|{plan.concentration}".encode()
    ).hexdigest()[:16]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Withdrawal Commons//Taper planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for step in schedule.steps:
        if step.is_stop:
            summary = f"{summary_prefix} {step.number}: 0 mg"
        else:
            summary = f"{summary_prefix} {step.number}: {display(step.dose_mg)} mg"
            if step.liquid_ml is not None:
                summary += f" ({display(step.liquid_ml)} ml)"
        lines += [
            "BEGIN:VEVENT",
            f"UID:taper-{fingerprint}-step-{step.number}@withdrawal-commons",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{step.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{step.start_date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold_ics_line(line) for line in lines) + "\r\n"


# --- Chart ----------------------------------------------------------------------------------------

CHART_WIDTH, CHART_HEIGHT = 640, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 16, 16, 44


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
    """
    plot_width = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    last_index = len(schedule.steps) - 1
    top = float(schedule.plan.start_dose)

    def x_at(index: int) -> float:
        return MARGIN_LEFT + plot_width * index / last_index

    def y_at(dose: Decimal) -> float:
        return MARGIN_TOP + plot_height * (1 - float(dose) / top)

    proportional = _staircase([(x_at(i), y_at(step.dose_mg)) for i, step in enumerate(schedule.steps)])
    equal = _staircase([(x_at(i), y_at(step.equal_cuts_mg)) for i, step in enumerate(schedule.steps)])
    bottom = MARGIN_TOP + plot_height
    right = MARGIN_LEFT + plot_width
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
        parts.append(
            f'<text x="{x_at(index):.1f}" y="{bottom + 18}" text-anchor="middle" font-size="13" '
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
