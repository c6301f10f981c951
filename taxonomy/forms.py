"""Form fields for the shared taxonomy, used by every app whose contributions carry drug classes."""

from django.utils.translation import gettext_lazy as _

from moderation.forms import SlugChoicesField

from .models import DrugClass


def drug_classes_field() -> SlugChoicesField:
    """Tick-boxes of drug classes, stored by slug (tips, experiences, links and listings)."""
    return SlugChoicesField(
        queryset=DrugClass.objects.all(),
        label=_("Drug classes this is about"),
        too_many_message=_("Please choose fewer drug classes."),
    )
