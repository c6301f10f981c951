"""`{% directory_listings_for drug_class %}`: the directory's organisations for one drug class.

Owned by the directory, so a drug page (or any page) can show "Support in the
directory" without its app importing this one.
"""

from django import template

from charities.models import Organization

register = template.Library()

# A drug page shows names and links only, and only this many.
LISTINGS_LIMIT = 8


@register.inclusion_tag("charities/_drug_class_listings.html")
def directory_listings_for(drug_class, limit: int = LISTINGS_LIMIT) -> dict:
    # Only names and links are shown, so none of the listings' details are prefetched.
    listings = Organization.objects.for_drug_class(drug_class).order_by("name")[:limit]
    return {"listings": listings}
