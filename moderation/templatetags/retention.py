from django import template

from moderation.tasks import retention_sentence as sentence

register = template.Library()


@register.simple_tag
def retention_sentence() -> str:
    """How long a contributor's email address is kept, worded once (moderation.tasks)."""
    return sentence()
