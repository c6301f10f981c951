from django import template

from ..models import get_disclaimer

register = template.Library()


@register.inclusion_tag("includes/disclaimer.html")
def disclaimer(key: str) -> dict:
    """The contextual disclaimer box for a page type: `{% disclaimer "tapering" %}`."""
    return {"disclaimer": get_disclaimer(key)}
