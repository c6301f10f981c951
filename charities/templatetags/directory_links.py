from django import template

from charities.cross_links import listings_for_link

register = template.Library()


@register.simple_tag
def directory_listings_for(link) -> list:
    """For a `/resources/` link page: the same organisation's directory listings.

    A tag, so the resources app need not import the directory to show them.
    """
    return listings_for_link(link)
