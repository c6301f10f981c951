"""One organisation, two places: its directory listing and its `/resources/` links.

Nobody should meet the same charity twice without knowing it is the same one,
so a listing and a resource link point to each other when they share a web
host (www. ignored) or the link's title is the organisation's name. Matching
on the host keeps it automatic: an editor adding a link, or an admin adding a
listing, does nothing extra.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.db.models import Exists, OuterRef, Q

from .models import Organization, Service


def _resource_links():
    """The resource-link model, looked up by name: the directory reads it only to point to it,
    so it does not import the resources app (content apps stay independent)."""
    return apps.get_model("resources", "ResourceLink")


def host_of(url: str) -> str:
    """ "https://www.Benzo.org.uk/manual/" -> "benzo.org.uk" ("" when there is none)."""
    try:
        host = (urlsplit((url or "").strip()).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def listings_for_link(link) -> list[Organization]:
    """The listed organisations that are the same as this resource link."""
    host = host_of(link.url)
    listed = Service.objects.listed_only().filter(organization=OuterRef("pk"))
    same = Q(name__iexact=link.title.strip())
    if host:
        same |= Q(website__icontains=host) | Exists(listed.filter(url__icontains=host))
    candidates = (
        Organization.objects.filter(Exists(listed)).filter(same).prefetch_related("services").order_by("name")
    )
    return [
        organization
        for organization in candidates
        if organization.name.casefold() == link.title.strip().casefold()
        or host
        in {
            host_of(organization.website),
            *(
                host_of(service.url)
                for service in organization.services.all()
                if service.status in Service.LISTED_STATUSES
            ),
        }
    ]


def links_for_organization(organization: Organization, services: list[Service]) -> list:
    """The published resource links for the same organisation as this listing (with its listed services)."""
    hosts = {host_of(organization.website), *(host_of(service.url) for service in services)} - {""}
    same = Q(title__iexact=organization.name)
    for host in hosts:
        same |= Q(url__icontains=host)
    candidates = _resource_links().objects.published().filter(same).order_by("title")
    return [
        link
        for link in candidates
        if host_of(link.url) in hosts or link.title.casefold() == organization.name.casefold()
    ]
