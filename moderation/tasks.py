"""Work done after a decision commits, through Django's task framework.

The default backend runs the task at once (after the commit that enqueued it);
a queue-backed backend can take over without a change here.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf
from .models import Submission


def published_url(submission: Submission) -> str:
    """Where an approved contribution can be read: the new item, or the page it corrected ("" if none)."""
    if submission.status != Submission.Status.APPROVED:
        return ""
    for item in (submission.published_object, submission.target):
        url = getattr(item, "get_absolute_url", None)
        if url is not None:
            return url()
    return ""


def retention_sentence(days: int | None = None, undecided_days: int | None = None) -> str:
    """The one wording of how long an email address is kept: what purge_contributor_data does,
    including for a contribution nobody decides. Every page and the email use this sentence."""
    days = conf.get("PURGE_AFTER_DAYS") if days is None else days
    undecided_days = conf.get("PURGE_UNDECIDED_AFTER_DAYS") if undecided_days is None else undecided_days
    return ngettext(
        "We delete your email address %(days)d day after the decision, or %(undecided)d days after "
        "you sent it if no decision has been made by then.",
        "We delete your email address %(days)d days after the decision, or %(undecided)d days after "
        "you sent it if no decision has been made by then.",
        days,
    ) % {"days": days, "undecided": undecided_days}


@task
def send_decision_email(submission_id: int, base_url: str = "") -> bool:
    """Tell the contributor that a decision was made; the details stay behind their private link."""
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None or not submission.email:
        return False
    base_url = (base_url or getattr(settings, "SITE_URL", "")).rstrip("/")
    status_url = base_url + submission.get_status_url()
    with translation.override(submission.language or "en"):
        subject = _("A decision on your contribution to Withdrawal Commons")
        body = _(
            "Hello,\n\n"
            "An editor has looked at what you sent us (%(kind)s) and made a decision: %(status)s.\n\n"
            "You can read it, and any note from the editor, on your private status page:\n"
            "%(url)s\n\n"
            "%(retention)s "
            "This message was sent automatically; please do not reply.\n\n"
            "Withdrawal Commons"
        ) % {
            "kind": submission.get_kind_display(),
            "status": submission.get_status_display(),
            "url": status_url,
            "retention": retention_sentence(),
        }
        live_path = published_url(submission)
        if live_path:
            body = _("It is published here:\n%(url)s\n\n") % {"url": base_url + live_path} + body
    send_mail(subject, body, None, [submission.email])
    return True
