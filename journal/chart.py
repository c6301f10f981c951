"""A server-rendered SVG of dose steps against the day rating.

No JavaScript and no inline styles (strict CSP): every mark carries a class that
static/css/site.css styles. The SVG has a title and description, and the page
puts a table with the same numbers beside it for screen readers.
"""

import datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from .entries import DAY_RATING_MAX, Day
from .planner_link import PlannedStep

# Small enough that on a 320 px screen the 14 px labels still read at about 11 px.
WIDTH, HEIGHT = 420, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 28, 26, 30


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def _dose_label(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def journal_svg(
    days: list[Day],
    *,
    planned: list[PlannedStep] = (),
    title: str,
    description: str,
    labels: dict[str, str],
) -> str:
    """`labels`: translated words for the axes and legend (dose, rating, cut, planned, wave)."""
    if not days:
        return ""
    first = min([days[0].data.day, *(step.day for step in planned)])
    last = max([days[-1].data.day, *(step.day for step in planned)])
    span = max((last - first).days, 1)
    top_dose = max([day.data.dose_mg for day in days] + [step.dose_mg for step in planned]) or Decimal(1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_at(day: datetime.date) -> float:
        return LEFT + plot_w * (day - first).days / span

    def y_dose(dose: Decimal) -> float:
        return TOP + plot_h * (1 - float(dose) / float(top_dose))

    def y_rating(rating: int) -> float:
        return TOP + plot_h * (1 - rating / DAY_RATING_MAX)

    def staircase(points: list[tuple[datetime.date, Decimal]], end: datetime.date) -> str:
        coordinates = []
        for index, (day, dose) in enumerate(points):
            if index:
                coordinates.append(f"{_fmt(x_at(day))},{_fmt(y_dose(points[index - 1][1]))}")
            coordinates.append(f"{_fmt(x_at(day))},{_fmt(y_dose(dose))}")
        coordinates.append(f"{_fmt(x_at(end))},{_fmt(y_dose(points[-1][1]))}")
        return " ".join(coordinates)

    parts = [
        f'<svg class="journal-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="journal-chart-title journal-chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="journal-chart-title">{escape(title)}</title>',
        f'<desc id="journal-chart-desc">{escape(description)}</desc>',
        f'<rect class="journal-chart__frame" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}"/>',
    ]
    # Scales: dose on the left, day rating on the right.
    for fraction in (0, 0.5, 1):
        dose = top_dose * Decimal(str(fraction))
        y = y_dose(dose)
        parts.append(
            f'<line class="journal-chart__grid" x1="{LEFT}" y1="{_fmt(y)}" '
            f'x2="{LEFT + plot_w}" y2="{_fmt(y)}"/>'
        )
        parts.append(
            f'<text class="journal-chart__axis" x="{LEFT - 6}" y="{_fmt(y + 4)}" '
            f'text-anchor="end">{_dose_label(dose)}</text>'
        )
    for rating in (0, 5, 10):
        parts.append(
            f'<text class="journal-chart__axis journal-chart__axis--rating" x="{LEFT + plot_w + 6}" '
            f'y="{_fmt(y_rating(rating) + 4)}">{rating}</text>'
        )
    parts.append(f'<text class="journal-chart__axis" x="4" y="{TOP - 10}">{escape(labels["dose"])}</text>')
    parts.append(
        f'<text class="journal-chart__axis journal-chart__axis--rating" x="{WIDTH - 4}" y="{TOP - 10}" '
        f'text-anchor="end">{escape(labels["rating"])}</text>'
    )
    parts.append(
        f'<text class="journal-chart__axis" x="{LEFT}" y="{HEIGHT - 8}">{first.isoformat()}</text>'
        f'<text class="journal-chart__axis" x="{LEFT + plot_w}" y="{HEIGHT - 8}" '
        f'text-anchor="end">{last.isoformat()}</text>'
    )
    # Cuts: a vertical line where the dose went down, so a wave after a cut stands out.
    for day in days:
        if day.is_cut:
            x = _fmt(x_at(day.data.day))
            parts.append(
                f'<line class="journal-chart__cut" x1="{x}" y1="{TOP}" x2="{x}" y2="{TOP + plot_h}">'
                f"<title>{escape(labels['cut'])} {day.data.day.isoformat()}</title></line>"
            )
    if planned:
        parts.append(
            f'<polyline class="journal-chart__planned" '
            f'points="{staircase([(s.day, s.dose_mg) for s in planned], last)}"/>'
        )
    parts.append(
        f'<polyline class="journal-chart__dose" '
        f'points="{staircase([(d.data.day, d.data.dose_mg) for d in days], last)}"/>'
    )
    rating_points = " ".join(f"{_fmt(x_at(d.data.day))},{_fmt(y_rating(d.data.day_rating))}" for d in days)
    parts.append(f'<polyline class="journal-chart__rating" points="{rating_points}"/>')
    for day in days:
        marker = (
            "journal-chart__point journal-chart__point--wave"
            if day.data.phase == "wave"
            else "journal-chart__point"
        )
        parts.append(
            f'<circle class="{marker}" cx="{_fmt(x_at(day.data.day))}" '
            f'cy="{_fmt(y_rating(day.data.day_rating))}" r="4"/>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
