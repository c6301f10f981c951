from django import template

from resources.safety import ComingOff, coming_off

register = template.Library()


@register.simple_tag
def coming_off_section(drug, drug_class=None) -> ComingOff | None:
    """The "Coming off" section for a drug; `drug_class` lets a caller pass the class it already has."""
    drug_class = drug_class or drug.drug_class
    return coming_off(drug_class_slug=drug_class.slug, drug_slug=drug.slug)
