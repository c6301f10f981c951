import contextlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from withdrawal_site.content import MarkdownFieldsMixin

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"


class DisclaimerKey(models.TextChoices):
    SITE = "site", _("Whole site")
    TAPERING = "tapering", _("Tapering methods and planner")
    COMMUNITY = "community", _("Community tips and experiences")
    DIRECTORY = "directory", _("Support directory")
    CRISIS = "crisis", _("Crisis page")


class Disclaimer(MarkdownFieldsMixin, models.Model):
    """A disclaimer text admins can edit; pages show it by key."""

    key = models.SlugField(_("key"), max_length=40, choices=DisclaimerKey.choices)
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
        ordering = ["key", "language"]
        # One version of each text per language; a page without its language's
        # version shows the English one, marked as English.
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="disclaimer_one_per_key_and_language")
        ]
        verbose_name = _("disclaimer")
        verbose_name_plural = _("disclaimers")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        forget_cached_disclaimers()

    def get_absolute_url(self) -> str:
        return reverse("disclaimers:detail") + f"#{self.key}"

    def delete(self, *args, **kwargs):
        forget_cached_disclaimers()
        return super().delete(*args, **kwargs)


def content_language(language: str | None) -> str:
    """The content language a page's language reads ("es-mx" reads "es"); English if none."""
    codes = {code for code, _name in settings.CONTENT_LANGUAGES}
    language = (language or "").lower()
    for candidate in (language, language.split("-")[0]):
        if candidate in codes:
            return candidate
    return DEFAULT_LANGUAGE


def cache_key(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    return f"disclaimer:{key}:{language}"


def forget_cached_disclaimers() -> None:
    """Drop every cached copy, in every language.

    A page in one language may hold another language's version as its fallback
    (the English text on /pl/ until a Polish one exists), and an edit may change a
    version's key or language, so any write can change what any cached key holds.
    Keys are limited to DisclaimerKey's choices, so no query is needed to list them.
    """
    keys = [
        cache_key(key, language)
        for key in DisclaimerKey.values
        for language, _name in settings.CONTENT_LANGUAGES
    ]
    with contextlib.suppress(Exception):
        cache.delete_many(keys)


def pick_version(versions, language: str) -> Disclaimer | None:
    """The version in the language, else the English one, else none."""
    by_language = {version.language: version for version in versions}
    return by_language.get(language) or by_language.get(DEFAULT_LANGUAGE)


def get_disclaimer(key: str, language: str | None = None) -> Disclaimer | None:
    """A disclaimer in the page's language (else English), cached so pages pay no query for it.

    The cache is only a copy: if it fails (whatever the backend), the text comes
    from the database and the page is served.
    """
    language = content_language(language or get_language())
    try:
        disclaimer = cache.get(cache_key(key, language))
    except Exception:
        logger.debug("Cache unavailable for disclaimer %s; reading the database", key)
        disclaimer = None
    if disclaimer is None:
        versions = Disclaimer.objects.filter(key=key, language__in={language, DEFAULT_LANGUAGE})
        disclaimer = pick_version(versions, language)
        if disclaimer is not None:
            with contextlib.suppress(Exception):
                cache.set(cache_key(key, language), disclaimer, timeout=3600)
    return disclaimer
