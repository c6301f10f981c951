"""The directory in other apps' templates: cross-links, and a listing's values by their labels."""

from django import template

from charities.cross_links import listings_for_link
from charities.models import Service, language_name
from charities.validation import country_name

register = template.Library()


@register.simple_tag
def directory_listings_for(link) -> list:
    """For a `/resources/` link page: the same organisation's directory listings.

    A tag, so the resources app need not import the directory to show them.
    """
    return listings_for_link(link)


@register.filter
def service_type_label(value: str) -> str:
    """ "peer_support" -> "Peer support group": editors review labels, not stored values."""
    return str(dict(Service.Type.choices).get(value, value))


@register.filter
def country_label(code: str) -> str:
    return country_name(code) if code else ""


@register.filter
def language_labels(codes) -> str:
    return ", ".join(language_name(code) for code in codes or [])
