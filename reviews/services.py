from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from withdrawal_site.reviewing import next_review_after

from .models import ReviewLogEntry
from .registry import ReviewableKind


@transaction.atomic
def record_review_without_change(
    *, kind: ReviewableKind, pk: int, reviewer, today: date | None = None
) -> ReviewLogEntry:
    """An editor re-read a published page and found nothing to change: say so, truthfully.

    Sets who reviewed it and when, moves the next review date on, and writes the
    append-only log entry, all or nothing. The page's text and its "updated" time
    are left alone, because nothing in it changed.
    """
    today = today or timezone.localdate()
    item = kind.published_items().select_for_update().get(pk=pk)
    next_due = next_review_after(today)
    entry = ReviewLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(kind.model),
        object_id=item.pk,
        object_label=kind.title_of(item)[:300],
        outcome=ReviewLogEntry.Outcome.NO_CHANGE,
        reviewer=reviewer,
        reviewed_on=today,
        next_review_due=next_due,
        previous_review_due=item.next_review_due,
    )
    kind.model.objects.filter(pk=item.pk).update(
        last_reviewed=today, reviewed_by=reviewer, next_review_due=next_due
    )
    return entry
