import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from withdrawal_site.languages import ALL_LANGUAGES, native_name

from . import conf, kinds

# Who may work the queue and decide: granted to Editors and Admins (migration 0006).
MODERATE_PERMISSION = "moderation.moderate_submission"


def new_reference() -> str:
    """128 random bits, URL-safe: the contributor's only key to their submission."""
    return secrets.token_urlsafe(16)


class SubmissionQuerySet(models.QuerySet):
    def open(self):
        """Still waiting for an editor (or for the contributor's changes)."""
        return self.filter(status__in=Submission.OPEN_STATUSES)

    def for_queue(self):
        return self.open().select_related("claimed_by").order_by("created_at", "pk")

    def counts_by_kind(self) -> dict[str, int]:
        rows = self.values_list("kind").annotate(count=models.Count("pk")).order_by()
        return dict(rows)

    def closed_before(self, moment):
        """Decided (or withdrawn) before `moment`: old enough to forget who sent them."""
        return self.exclude(status__in=Submission.OPEN_STATUSES).filter(decided_at__lt=moment)


class Submission(models.Model):
    """One proposal from the public. Nothing in it is public until an editor approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved and published")
        REJECTED = "rejected", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        SPAM = "spam", _("Marked as spam")

    OPEN_STATUSES = (Status.PENDING, Status.CHANGES_REQUESTED)

    # The key of a registered contribution kind (kinds.py): the content apps declare them.
    kind = models.CharField(_("kind"), max_length=20, choices=kinds.choices, db_index=True)
    data = models.JSONField(_("proposed content"), default=dict)
    # The language the contributor wrote in and reads: the review page shows it, the
    # status page and the decision email use it.
    language = models.CharField(
        _("language"), max_length=10, default="en", choices=[(code, name) for code, name in ALL_LANGUAGES]
    )

    target_content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_content_type", "target_object_id")

    # The Markdown fields of `data` rendered once when saved (and on each edit or
    # revision), so the status and review pages never render on view.
    rendered = models.JSONField(default=dict, blank=True, editable=False)
    # Bumped by every change to `data`: a decision names the revision the editor saw.
    revision = models.PositiveIntegerField(default=1, editable=False)

    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    client_hash = models.CharField(max_length=64, blank=True)
    # A hash of the public form's single-use token: resending the same form finds
    # this submission instead of creating a second one.
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # Set when the contributor was signed in, so nobody approves their own contribution.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The shared cache was down when it arrived, so the per-client limit was not checked.
    rate_limit_unchecked = models.BooleanField(_("rate limit not checked"), default=False)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reference = models.CharField(max_length=64, unique=True, default=new_reference, editable=False)

    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    public_note = models.TextField(_("note to the contributor"), blank=True)
    internal_note = models.TextField(_("note for editors"), blank=True)

    published_content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_object_id = models.CharField(max_length=64, blank=True)
    published_object = GenericForeignKey("published_content_type", "published_object_id")

    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        permissions = [("moderate_submission", _("Can work the moderation queue and decide submissions"))]
        constraints = [
            # One live object is linked to at most one submission, and approval
            # is the only way a link is made.
            models.UniqueConstraint(
                fields=["published_content_type", "published_object_id"],
                condition=~models.Q(published_object_id=""),
                name="moderation_one_submission_per_live_object",
            ),
            models.CheckConstraint(
                condition=models.Q(status="approved") | models.Q(published_object_id=""),
                name="moderation_only_approved_is_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("moderation:review", args=[self.pk])

    def get_status_url(self) -> str:
        return reverse("moderation:status", args=[self.reference])

    @property
    def title(self) -> str:
        data = self.data or {}
        return str(data.get("title") or data.get("name") or data.get("target_label") or "")[:200]

    @property
    def language_name(self) -> str:
        """The language named in itself (Español, Polski), readable by the contributor."""
        return native_name(self.language)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def claim_expires_at(self):
        if self.claimed_at is None:
            return None
        return self.claimed_at + timedelta(minutes=conf.get("CLAIM_MINUTES"))

    @property
    def active_claimant(self):
        """Who holds the claim now; None when unclaimed or the claim has lapsed."""
        if self.claimed_by_id is None or self.claimed_at is None:
            return None
        if self.claim_expires_at <= timezone.now():
            return None
        return self.claimed_by

    @property
    def author_name(self) -> str:
        return self.pseudonym or str(_("Anonymous"))


class AuditLogQuerySet(models.QuerySet):
    """Bulk changes are refused: the log only grows."""

    def update(self, **kwargs):
        raise PermissionError("The moderation audit log is append-only.")

    def delete(self):
        raise PermissionError("The moderation audit log is append-only.")

    # bulk_update goes through update(); the collector's fast path does not.
    def _raw_delete(self, using):
        raise PermissionError("The moderation audit log is append-only.")


class AuditLogEntry(models.Model):
    """Who did what to a submission, or to live content from the admin, and when.

    Written once, never changed or removed.
    """

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted")
        CLAIM = "claim", _("Claimed")
        RELEASE = "release", _("Released")
        EDIT = "edit", _("Edited")
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        REQUEST_CHANGES = "request_changes", _("Requested changes")
        SPAM = "spam", _("Marked as spam")
        WITHDRAW = "withdraw", _("Withdrawn")
        # Staff actions in the admin, on live content rather than on a submission.
        ADMIN_PUBLISH = "admin_publish", _("Published in the admin")
        ADMIN_UNPUBLISH = "admin_unpublish", _("Unpublished in the admin")
        ADMIN_VERIFY = "admin_verify", _("Marked verified in the admin")
        ADMIN_DELETE = "admin_delete", _("Deleted in the admin")
        ADMIN_REVERT = "admin_revert", _("Reverted to an earlier version in the admin")

    ADMIN_ACTIONS = (
        Action.ADMIN_PUBLISH,
        Action.ADMIN_UNPUBLISH,
        Action.ADMIN_VERIFY,
        Action.ADMIN_DELETE,
        Action.ADMIN_REVERT,
    )

    # Empty for an admin action, which names the live object it acted on instead.
    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_log"
    )
    # The object an admin action touched, kept by type, key and name so the entry
    # still reads after the object is deleted.
    target_content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_object_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    # PROTECT: deactivate an editor's account instead of deleting it, so the record holds.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    note = models.TextField(_("note"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(submission__isnull=False) | ~models.Q(target_object_id=""),
                name="moderation_audit_names_what_it_acted_on",
            ),
        ]

    def __str__(self) -> str:
        what = f"#{self.submission_id}" if self.submission_id else self.target_label
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {what}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise PermissionError("The moderation audit log is append-only.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The moderation audit log is append-only.")

    @property
    def actor_label(self) -> str:
        return self.actor.get_username() if self.actor_id else str(_("the contributor"))
