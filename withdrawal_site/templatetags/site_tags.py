from django import template
from django.db import models
from django.urls import reverse

from withdrawal_site.jsonld import script as jsonld_script

register = template.Library()


def correction_target(obj: models.Model) -> str:
    """How a correction names its target in the URL: `app_label.model_name.pk`."""
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{obj.pk}"


@register.simple_tag
def correction_url(obj: models.Model) -> str:
    """`{% correction_url article %}`: the form to suggest a correction to `article`."""
    return reverse("moderation:contribute_kind", args=["correction"]) + f"?target={correction_target(obj)}"


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org JSON-LD block from a dict built in Python (withdrawal_site.jsonld).

    `{{ data|jsonld }}` inside `{% block head %}`. Data blocks are not executed,
    so the Content-Security-Policy needs no exception for them.
    """
    return jsonld_script(data)
