from decimal import Decimal

from django import template

from resources.planner import display

register = template.Library()


@register.filter
def amount(value: Decimal | None) -> str:
    """Two decimals, or three significant figures when finer, no trailing zeros: 20, 16.2, 13.12, 0.00107."""
    return display(value)


@register.filter
def shown(value: Decimal | None, figures: int) -> str:
    """A dose at the significant figures that keep a schedule's steps apart (Schedule.figures)."""
    return display(value, int(figures))
