from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class DrugClass(models.Model):
    """A class of psychiatric drug; the directory and community content filter by it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("drug class")
        verbose_name_plural = _("drug classes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resources:drug_list") + f"?drug_class={self.slug}"
