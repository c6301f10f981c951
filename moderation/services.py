"""Every change to a submission, each inside one transaction with the row locked.

Locking the submission row (`select_for_update`) and re-checking its status
under the lock is what makes two editors deciding at once end in exactly one
decision: the second waits for the first to commit, then finds the item
decided and is refused. Every change appends to the audit log in the same
transaction, so the log and the data can never disagree.
"""

from datetime import timedelta
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf, publishers
from .models import AuditLogEntry, Submission
from .signals import submission_published

Action = AuditLogEntry.Action
Status = Submission.Status

DECISIONS = {
    "approve": (Status.APPROVED, Action.APPROVE),
    "reject": (Status.REJECTED, Action.REJECT),
    "request_changes": (Status.CHANGES_REQUESTED, Action.REQUEST_CHANGES),
    "spam": (Status.SPAM, Action.SPAM),
}
FINAL_DECISIONS = {"approve", "reject", "spam"}


class ModerationError(Exception):
    """A refusal with a message fit to show the person who tried."""


class AlreadyDecidedError(ModerationError):
    def __init__(self, submission: Submission):
        self.submission = submission
        if submission.status == Status.WITHDRAWN:
            message = _("This submission was already withdrawn by the contributor.")
        elif submission.decided_by_id:
            message = _("This submission was already decided by %(editor)s (%(status)s).") % {
                "editor": submission.decided_by.get_username(),
                "status": submission.get_status_display(),
            }
        else:
            message = _("This submission was already decided (%(status)s).") % {
                "status": submission.get_status_display()
            }
        super().__init__(message)


class ClaimedByOtherError(ModerationError):
    pass


class PublishingFailedError(ModerationError):
    pass


def _log(submission: Submission, action: str, *, actor=None, note: str = "", internal_note: str = ""):
    return AuditLogEntry.objects.create(
        submission=submission, action=action, actor=actor, note=note, internal_note=internal_note
    )


def _locked(submission_id: int) -> Submission:
    # No select_related here: PostgreSQL refuses FOR UPDATE across nullable joins.
    return Submission.objects.select_for_update().get(pk=submission_id)


def submit(
    *,
    kind: str,
    data: dict,
    pseudonym: str = "",
    email: str = "",
    client_hash: str = "",
    target: models.Model | None = None,
    language: str = "en",
) -> Submission:
    with transaction.atomic():
        submission = Submission(
            kind=kind,
            data=data,
            pseudonym=pseudonym,
            email=email,
            client_hash=client_hash,
            language=language,
        )
        if target is not None:
            submission.target_content_type = ContentType.objects.get_for_model(target)
            submission.target_object_id = str(target.pk)
        submission.save()
        _log(submission, Action.SUBMIT)
    return submission


def claim(*, submission_id: int, editor) -> Submission:
    with transaction.atomic():
        submission = _locked(submission_id)
        if not submission.is_open:
            raise AlreadyDecidedError(submission)
        holder = submission.active_claimant
        if holder is not None and holder.pk != editor.pk:
            raise ClaimedByOtherError(
                _("%(editor)s is already working on this (claimed until %(until)s UTC).")
                % {"editor": holder.get_username(), "until": f"{submission.claim_expires_at:%H:%M}"}
            )
        submission.claimed_by = editor
        submission.claimed_at = timezone.now()
        submission.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
        _log(submission, Action.CLAIM, actor=editor)
    return submission


def release(*, submission_id: int, editor) -> Submission:
    """Give the item back to the queue. Anyone may clear a lapsed claim; a live one only its holder."""
    with transaction.atomic():
        submission = _locked(submission_id)
        holder = submission.active_claimant
        if holder is not None and holder.pk != editor.pk:
            raise ClaimedByOtherError(
                _("Only %(editor)s can release this claim before it lapses.")
                % {"editor": holder.get_username()}
            )
        if submission.claimed_by_id is None:
            return submission
        submission.claimed_by = None
        submission.claimed_at = None
        submission.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
        _log(submission, Action.RELEASE, actor=editor)
    return submission


def _changed_keys(old: dict, new: dict) -> list[str]:
    return sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key))


def edit(*, submission_id: int, editor, data: dict) -> Submission:
    """An editor's change to the proposed content before deciding."""
    with transaction.atomic():
        submission = _locked(submission_id)
        if not submission.is_open:
            raise AlreadyDecidedError(submission)
        changed = _changed_keys(submission.data, data)
        if not changed:
            return submission
        submission.data = data
        submission.save(update_fields=["data", "updated_at"])
        _log(submission, Action.EDIT, actor=editor, internal_note=_("Changed: %s") % ", ".join(changed))
    return submission


def resubmit(*, reference: str, data: dict) -> Submission:
    """The contributor's revised version after an editor asked for changes: back in the queue."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(reference=reference)
        if submission.status != Status.CHANGES_REQUESTED:
            raise AlreadyDecidedError(submission)
        changed = _changed_keys(submission.data, data)
        submission.data = data
        submission.status = Status.PENDING
        submission.public_note = ""
        submission.save(update_fields=["data", "status", "public_note", "updated_at"])
        _log(submission, Action.EDIT, note=_("Revised by the contributor. Changed: %s") % ", ".join(changed))
    return submission


def withdraw(*, reference: str) -> Submission:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(reference=reference)
        if not submission.is_open:
            raise AlreadyDecidedError(submission)
        submission.status = Status.WITHDRAWN
        submission.decided_at = timezone.now()
        submission.claimed_by = None
        submission.claimed_at = None
        submission.save()
        _log(submission, Action.WITHDRAW)
    return submission


def _publish(submission: Submission, editor) -> models.Model:
    """Create or update the live object; runs inside the decision's transaction."""
    if submission.kind == Submission.Kind.CORRECTION:
        target = submission.target
        if target is not None:
            # Lock the live row too: two corrections to one page apply one after the other.
            target = type(target)._base_manager.select_for_update().filter(pk=target.pk).first()
        if target is None:
            raise PublishingFailedError(_("The page this correction refers to no longer exists."))
        target.apply_correction(dict(submission.data.get("changes", {})))
        return target
    publisher = publishers.publisher_for(submission.kind)
    return publisher(
        data=submission.data,
        author_name=submission.author_name,
        approved_by=editor,
        language=submission.language,
    )


def decide(
    *,
    submission_id: int,
    editor,
    action: str,
    public_note: str = "",
    internal_note: str = "",
    base_url: str = "",
) -> Submission:
    """Approve, reject, request changes or mark as spam: exactly one decision wins.

    Approval publishes in the same transaction; if publishing fails, nothing
    changes. The contributor's email and cache refreshes wait for the commit.
    """
    status, log_action = DECISIONS[action]
    with transaction.atomic():
        submission = _locked(submission_id)
        if not submission.is_open or (
            action == "request_changes" and submission.status == Status.CHANGES_REQUESTED
        ):
            raise AlreadyDecidedError(submission)
        live_object = None
        if action == "approve":
            try:
                with transaction.atomic():
                    live_object = _publish(submission, editor)
            except ValidationError as error:
                raise PublishingFailedError(
                    _("It could not be published: %(errors)s") % {"errors": "; ".join(error.messages)}
                ) from error
            except IntegrityError as error:
                raise PublishingFailedError(
                    _("It could not be published: it clashes with something already on the site.")
                ) from error
            if submission.kind != Submission.Kind.CORRECTION:
                submission.published_content_type = ContentType.objects.get_for_model(live_object)
                submission.published_object_id = str(live_object.pk)
        submission.status = status
        submission.public_note = public_note
        submission.internal_note = internal_note
        submission.claimed_by = None
        submission.claimed_at = None
        if action in FINAL_DECISIONS:
            submission.decided_by = editor
            submission.decided_at = timezone.now()
        submission.save()
        _log(submission, log_action, actor=editor, note=public_note, internal_note=internal_note)

        if submission.email and action != "spam":
            from .tasks import send_decision_email

            transaction.on_commit(partial(send_decision_email.enqueue, submission.pk, base_url))
        if live_object is not None:
            transaction.on_commit(
                partial(submission_published.send, sender=Submission, submission=submission, obj=live_object)
            )
    return submission


def purge_contributor_data(*, days: int | None = None) -> int:
    """Forget emails and client hashes of submissions closed more than `days` ago."""
    days = conf.get("PURGE_AFTER_DAYS") if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    stale = Submission.objects.closed_before(cutoff).exclude(email="", client_hash="")
    return stale.update(email="", client_hash="")
