import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Loggers that write request paths: Django's request and server logs and its security log.
PATH_LOGGERS = ("django.request", "django.server", "django.security", "django.security.csrf")


class JournalConfig(AppConfig):
    """A private taper journal behind a link whose secret is also its encryption key."""

    name = "journal"
    verbose_name = _("Journal")

    def ready(self) -> None:
        # Attached here rather than in settings.LOGGING so that no logging
        # configuration can forget it: a journal link must never reach a log.
        from .logging import RedactJournalLinks

        for name in PATH_LOGGERS:
            logger = logging.getLogger(name)
            if not any(isinstance(existing, RedactJournalLinks) for existing in logger.filters):
                logger.addFilter(RedactJournalLinks())
