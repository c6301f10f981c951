import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


def correction_target(obj: models.Model) -> str:
    """How a correction names its target in the URL: `app_label.model_name.pk`."""
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{obj.pk}"


@register.simple_tag
def correction_url(obj: models.Model) -> str:
    """`{% correction_url article %}`: the form to suggest a correction to `article`."""
    return reverse("moderation:contribute_kind", args=["correction"]) + f"?target={correction_target(obj)}"


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org JSON-LD block from a dict built in Python.

    `{{ data|jsonld }}` inside `{% block head %}`. Data blocks are not executed,
    so the Content-Security-Policy needs no exception for them.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
