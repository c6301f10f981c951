from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

APPEND_ONLY = "The content review log is append-only."


class ReviewLogQuerySet(models.QuerySet):
    """Bulk changes are refused: the log only grows."""

    def update(self, **kwargs):
        raise PermissionError(APPEND_ONLY)

    def delete(self):
        raise PermissionError(APPEND_ONLY)

    def _raw_delete(self, using):
        raise PermissionError(APPEND_ONLY)


class ReviewLogEntry(models.Model):
    """An editor's review of one published page. Written once, never changed or removed."""

    class Outcome(models.TextChoices):
        NO_CHANGE = "no_change", _("Reviewed, no change")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    # The page's title at the time, so the record reads the same after a rename or deletion.
    object_label = models.CharField(_("page"), max_length=300)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    # PROTECT: deactivate an editor's account instead of deleting it, so the record holds.
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_on = models.DateField(_("reviewed on"))
    next_review_due = models.DateField(_("next review due"))
    previous_review_due = models.DateField(_("review was due"), null=True, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    objects = ReviewLogQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("content review")
        verbose_name_plural = _("content review log")
        default_permissions = ("view",)
        permissions = [("record_review", _("Can record that published content was reviewed"))]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.reviewed_on:%Y-%m-%d} {self.get_outcome_display()}: {self.object_label}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise PermissionError(APPEND_ONLY)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(APPEND_ONLY)
