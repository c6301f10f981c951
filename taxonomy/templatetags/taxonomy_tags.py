"""Template filters for the shared taxonomy."""

from django import template

from taxonomy.models import DrugClass

register = template.Library()


@register.filter
def drug_class_labels(slugs) -> str:
    """Slugs as their names ("antidepressants" -> "Antidepressants"), in one query."""
    if not slugs:
        return ""
    names = dict(DrugClass.objects.filter(slug__in=list(slugs)).values_list("slug", "name"))
    return ", ".join(names.get(slug, slug) for slug in slugs)
