from django import template
from django.utils.translation import get_language

from ..models import get_disclaimer

register = template.Library()


@register.inclusion_tag("includes/disclaimer.html")
def disclaimer(key: str) -> dict:
    """The contextual disclaimer box for a page type: `{% disclaimer "tapering" %}`.

    In the page's language, else the English text (which the box marks lang="en").
    """
    return {"disclaimer": get_disclaimer(key, get_language())}
