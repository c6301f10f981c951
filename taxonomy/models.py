from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import registry


class DrugClassQuerySet(models.QuerySet):
    def with_drug_named(self, text: str) -> "DrugClassQuerySet":
        """Classes holding a public drug whose name (brand or generic) contains `text`.

        The drugs belong to a content app, which registers how to find them
        (`registry.register_drug_lookup`); the directory's search asks here
        instead of importing that app.
        """
        lookups = registry.drug_lookups()
        if not lookups:
            return self.none()
        matches = models.Q()
        for lookup in lookups:
            matches |= models.Q(pk__in=lookup(text))
        return self.filter(matches)


class DrugClass(models.Model):
    """A class of psychiatric drug; the directory and community content filter by it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = DrugClassQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("drug class")
        verbose_name_plural = _("drug classes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resources:drug_list") + f"?drug_class={self.slug}"
