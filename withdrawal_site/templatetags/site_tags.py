from django import template
from django.db import models
from django.urls import reverse

register = template.Library()


def correction_target(obj: models.Model) -> str:
    """How a correction names its target in the URL: `app_label.model_name.pk`."""
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{obj.pk}"


@register.simple_tag
def correction_url(obj: models.Model) -> str:
    """`{% correction_url article %}`: the form to suggest a correction to `article`."""
    return reverse("moderation:contribute_kind", args=["correction"]) + f"?target={correction_target(obj)}"
