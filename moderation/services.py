"""Every change to a submission, each inside one transaction with the row locked.

Locking the submission row (`select_for_update`) and re-checking its status
under the lock is what makes two editors deciding at once end in exactly one
decision: the second waits for the first to commit, then finds the item
decided and is refused. Every change appends to the audit log in the same
transaction, so the log and the data can never disagree.
"""

from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf, kinds
from .models import AuditLogEntry, Submission
from .preview import rendered_fields
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


class StaleRevisionError(ModerationError):
    """The content changed after the editor loaded the page: they must see it first."""

    def __init__(self, submission: Submission):
        self.submission = submission
        super().__init__(
            _(
                "This submission changed while you were reading it (it is now revision %(revision)s). "
                "Nothing was decided: read the new version below, then decide again."
            )
            % {"revision": submission.revision}
        )


class OwnSubmissionError(ModerationError):
    pass


class AlreadySubmittedError(ModerationError):
    """The same public form was sent again: the first copy is the only one."""

    def __init__(self, submission: Submission):
        self.submission = submission
        super().__init__(_("This form was already sent; here is the contribution it created."))


def _log(submission: Submission, action: str, *, actor=None, note: str = "", internal_note: str = ""):
    return AuditLogEntry.objects.create(
        submission=submission, action=action, actor=actor, note=note, internal_note=internal_note
    )


def _locked(submission_id: int) -> Submission:
    # No select_related here: PostgreSQL refuses FOR UPDATE across nullable joins.
    return Submission.objects.select_for_update().get(pk=submission_id)


def _check_claim(submission: Submission, editor) -> None:
    holder = submission.active_claimant
    if holder is not None and holder.pk != editor.pk:
        raise ClaimedByOtherError(
            _(
                "%(editor)s is working on this (claimed until %(until)s UTC). "
                "Only they can decide or edit it until the claim lapses or they release it."
            )
            % {"editor": holder.get_username(), "until": f"{submission.claim_expires_at:%H:%M}"}
        )


def _check_revision(submission: Submission, seen_revision: int | None) -> None:
    if seen_revision is not None and seen_revision != submission.revision:
        raise StaleRevisionError(submission)


def find_by_idempotency_key(key: str | None) -> Submission | None:
    if not key:
        return None
    return Submission.objects.filter(idempotency_key=key).first()


def submit(
    *,
    kind: str,
    data: dict,
    pseudonym: str = "",
    email: str = "",
    client_hash: str = "",
    target: models.Model | None = None,
    language: str = "en",
    idempotency_key: str | None = None,
    submitted_by=None,
    rate_limit_unchecked: bool = False,
) -> Submission:
    """Store a contribution once: the same `idempotency_key` again raises AlreadySubmittedError."""
    submission = Submission(
        kind=kind,
        data=data,
        rendered=rendered_fields(kind, data),
        pseudonym=pseudonym,
        email=email,
        client_hash=client_hash,
        language=language,
        idempotency_key=idempotency_key or None,
        submitted_by=submitted_by if getattr(submitted_by, "is_authenticated", False) else None,
        rate_limit_unchecked=rate_limit_unchecked,
    )
    if target is not None:
        submission.target_content_type = ContentType.objects.get_for_model(target)
        submission.target_object_id = str(target.pk)
    try:
        with transaction.atomic():
            submission.save()
            _log(submission, Action.SUBMIT)
    except IntegrityError:
        existing = find_by_idempotency_key(idempotency_key)
        if existing is None:
            raise
        raise AlreadySubmittedError(existing) from None
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


def edit(*, submission_id: int, editor, data: dict, seen_revision: int | None = None) -> Submission:
    """An editor's change to the proposed content before deciding."""
    with transaction.atomic():
        submission = _locked(submission_id)
        if not submission.is_open:
            raise AlreadyDecidedError(submission)
        _check_claim(submission, editor)
        _check_revision(submission, seen_revision)
        changed = _changed_keys(submission.data, data)
        if not changed:
            return submission
        submission.data = data
        submission.rendered = rendered_fields(submission.kind, data)
        submission.revision += 1
        submission.save(update_fields=["data", "rendered", "revision", "updated_at"])
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
        submission.rendered = rendered_fields(submission.kind, data)
        submission.revision += 1
        submission.status = Status.PENDING
        submission.public_note = ""
        submission.save(update_fields=["data", "rendered", "revision", "status", "public_note", "updated_at"])
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
    if submission.kind == kinds.CORRECTION:
        target = submission.target
        if target is not None:
            # Lock the live row too: two corrections to one page apply one after the other.
            target = type(target)._base_manager.select_for_update().filter(pk=target.pk).first()
        if target is None:
            raise PublishingFailedError(_("The page this correction refers to no longer exists."))
        changes = dict(submission.data.get("changes", {}))
        refusal = kinds.correction_refusal(target=target, changes=changes, editor=editor)
        if refusal:
            raise PublishingFailedError(refusal)
        return kinds.apply_correction(target=target, changes=changes)
    kind = kinds.find(submission.kind)
    if kind is None or kind.publish is None:
        raise PublishingFailedError(_("This kind of contribution can no longer be published."))
    return kind.publish(
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
    seen_revision: int | None = None,
) -> Submission:
    """Approve, reject, request changes or mark as spam: exactly one decision wins.

    Approval publishes in the same transaction; if publishing fails, nothing
    changes. The contributor's email and cache refreshes wait for the commit.
    The decision applies only to `seen_revision` (what the editor was shown),
    and only the holder of a live claim may make it.
    """
    status, log_action = DECISIONS[action]
    with transaction.atomic():
        submission = _locked(submission_id)
        if not submission.is_open or (
            action == "request_changes" and submission.status == Status.CHANGES_REQUESTED
        ):
            raise AlreadyDecidedError(submission)
        _check_claim(submission, editor)
        _check_revision(submission, seen_revision)
        if (
            action == "approve"
            and submission.submitted_by_id is not None
            and submission.submitted_by_id == editor.pk
        ):
            raise OwnSubmissionError(
                _("You sent this contribution yourself, so another editor must approve it.")
            )
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
            if submission.kind != kinds.CORRECTION:
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


def purge_contributor_data(*, days: int | None = None, undecided_days: int | None = None) -> int:
    """Forget who sent what: emails, client hashes and accounts of submissions closed
    more than `days` ago, and of submissions still undecided after `undecided_days`
    (an item nobody decides must not keep its sender's address for ever)."""
    days = conf.get("PURGE_AFTER_DAYS") if days is None else days
    undecided_days = conf.get("PURGE_UNDECIDED_AFTER_DAYS") if undecided_days is None else undecided_days
    now = timezone.now()
    closed = Submission.objects.closed_before(now - timedelta(days=days))
    undecided = Submission.objects.open().filter(created_at__lt=now - timedelta(days=undecided_days))
    identifying = ~models.Q(email="") | ~models.Q(client_hash="") | models.Q(submitted_by__isnull=False)
    stale = Submission.objects.filter(
        models.Q(pk__in=closed.values("pk")) | models.Q(pk__in=undecided.values("pk"))
    ).filter(identifying)
    return stale.update(email="", client_hash="", submitted_by=None)


@transaction.atomic
def record_admin_action(
    *, action: str, actor, objects: Iterable[models.Model], note: str = ""
) -> list[AuditLogEntry]:
    """Append one audit entry per object a staff member acted on in the admin.

    The admin's own LogEntry can be deleted by anyone allowed to delete it;
    this log cannot, so bulk actions on live content are as accountable as
    decisions in the queue. Called by admin actions, never from model code.
    """
    if action not in AuditLogEntry.ADMIN_ACTIONS:
        raise ValueError(f"Not an admin action: {action}")
    objects = list(objects)
    content_types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    now = timezone.now()
    return AuditLogEntry.objects.bulk_create(
        AuditLogEntry(
            action=action,
            actor=actor,
            at=now,
            note=note,
            target_content_type=content_types[type(obj)],
            target_object_id=str(obj.pk),
            target_label=str(obj)[:200],
        )
        for obj in objects
    )
