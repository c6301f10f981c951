from django import template

from charities.models import Service

register = template.Library()


@register.simple_tag
def stale_listing_count() -> int:
    """Listed services never verified or verified over a year ago: the admin home's to-do."""
    return Service.objects.stale().count()
