import contextlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from withdrawal_site.content import MarkdownFieldsMixin

logger = logging.getLogger(__name__)


class DisclaimerKey(models.TextChoices):
    SITE = "site", _("Whole site")
    TAPERING = "tapering", _("Tapering methods and planner")
    COMMUNITY = "community", _("Community tips and experiences")
    DIRECTORY = "directory", _("Support directory")
    CRISIS = "crisis", _("Crisis page")


class Disclaimer(MarkdownFieldsMixin, models.Model):
    """A disclaimer text admins can edit; pages show it by key."""

    key = models.SlugField(_("key"), max_length=40, unique=True, choices=DisclaimerKey.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("short version"),
        max_length=300,
        help_text=_("One or two plain sentences, shown in the box on pages."),
    )
    body = models.TextField(_("full text (Markdown)"))
    body_html = models.TextField(editable=False)
    # The language the text is written in, so pages in other languages mark it
    # (WCAG 3.1.2) rather than let a Spanish voice read English.
    language = models.CharField(
        _("language"), max_length=10, default="en", choices=settings.CONTENT_LANGUAGES
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    markdown_fields = {"body": "body_html"}

    class Meta:
        ordering = ["key"]
        verbose_name = _("disclaimer")
        verbose_name_plural = _("disclaimers")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        cache.delete(cache_key(self.key))

    def get_absolute_url(self) -> str:
        return reverse("disclaimers:detail") + f"#{self.key}"

    def delete(self, *args, **kwargs):
        cache.delete(cache_key(self.key))
        return super().delete(*args, **kwargs)


def cache_key(key: str) -> str:
    return f"disclaimer:{key}"


def get_disclaimer(key: str) -> Disclaimer | None:
    """A disclaimer by key, cached so every page does not pay a query for it.

    The cache is only a copy: if it fails (whatever the backend), the text comes
    from the database and the page is served.
    """
    try:
        disclaimer = cache.get(cache_key(key))
    except Exception:
        logger.debug("Cache unavailable for disclaimer %s; reading the database", key)
        disclaimer = None
    if disclaimer is None:
        disclaimer = Disclaimer.objects.filter(key=key).first()
        if disclaimer is not None:
            with contextlib.suppress(Exception):
                cache.set(cache_key(key), disclaimer, timeout=3600)
    return disclaimer
