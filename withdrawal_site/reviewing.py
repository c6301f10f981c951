"""What a reviewed page may claim: who reviewed it, when, and when it is due again.

Shared by articles, drugs and tapering methods so that every content page says
"Page last reviewed … Next review due …" the same way, and says plainly when no
editor has reviewed it yet. Nothing sets these fields except an editor's real
review (the reviews app's services, or an editor approving an article).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long a reviewed page stays current; settings.WC_CONTENT_REVIEW_INTERVAL_DAYS overrides it.
DEFAULT_REVIEW_INTERVAL_DAYS = 365


def review_interval() -> timedelta:
    return timedelta(days=getattr(settings, "WC_CONTENT_REVIEW_INTERVAL_DAYS", DEFAULT_REVIEW_INTERVAL_DAYS))


def next_review_after(reviewed_on: date) -> date:
    return reviewed_on + review_interval()


class Reviewable(models.Model):
    """Review dates and reviewer; a page never reviewed keeps them empty and says so."""

    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Set when an editor records a review; the editors' due list starts here."),
    )

    class Meta:
        abstract = True

    @property
    def is_reviewed(self) -> bool:
        return self.last_reviewed is not None

    @property
    def is_due_for_review(self) -> bool:
        return self.next_review_due is None or self.next_review_due <= timezone.localdate()
