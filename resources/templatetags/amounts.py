from decimal import Decimal

from django import template
from django.utils import formats

from resources.planner import display

register = template.Library()


def localised(text: str) -> str:
    """The page language's decimal mark ("12,5" in Spanish and Polish), never a thousands separator.

    Doses are never large enough to need grouping, and a grouped "1.000" would read as
    one in English. Downloads (CSV, ICS) use planner.display directly: dot decimals,
    machine-readable in every language.
    """
    separator = formats.get_format("DECIMAL_SEPARATOR")
    return text.replace(".", separator) if separator != "." else text


@register.filter
def amount(value: Decimal | None) -> str:
    """Two decimals, or three significant figures when finer, no trailing zeros: 20, 16.2, 13.12, 0.00107."""
    return localised(display(value))


@register.filter
def shown(value: Decimal | None, figures: int) -> str:
    """A dose at the significant figures that keep a schedule's steps apart (Schedule.figures)."""
    return localised(display(value, int(figures)))
