import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from withdrawal_site import languages
from withdrawal_site.ratelimit import client_hash, take_slot

from . import conf, kinds, services
from .forms import (
    CONTRIBUTOR_FIELD_NAMES,
    CorrectionForm,
    DecisionForm,
    form_token_key,
    public_form_class,
)
from .models import MODERATE_PERMISSION, AuditLogEntry, Submission
from .preview import preview_context
from .targets import TargetNotFoundError, correction_diff, is_public, resolve_target
from .tasks import published_url

logger = logging.getLogger(__name__)

RATE_LIMIT_SCOPE = "moderation:contribute"
CORRECTION = kinds.CORRECTION


def _editor_action_failed(request: HttpRequest) -> HttpResponse:
    response = render(request, "moderation/editor_unavailable.html", status=503)
    response["Retry-After"] = "30"
    return response


def editor_required(view):
    """Whoever holds `moderate_submission` (Editors, Admins, superusers): strangers are sent
    to sign in, others refused.

    A database failure during an editor's page or decision is a clear 503 that
    says nothing was changed (the decision's transaction rolled back), never a 500.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(MODERATE_PERMISSION):
                raise PermissionDenied
            return view(request, *args, **kwargs)
        except DatabaseError:
            logger.exception("Database error on an editor page")
            return _editor_action_failed(request)

    return never_cache(wrapper)


# Contributors -----------------------------------------------------------------


@require_safe
def contribute(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "moderation/contribute.html",
        {"kinds": kinds.public_kinds(), "purge_days": conf.get("PURGE_AFTER_DAYS")},
    )


def _content_fields(form) -> list:
    return [form[name] for name in form.fields if name not in CONTRIBUTOR_FIELD_NAMES]


def _render_contribution_form(request, kind, form, *, target=None, target_ref="", status=200):
    return render(
        request,
        "moderation/contribute_form.html",
        {
            "kind": kind,
            "kind_label": kinds.get(kind).label,
            "kind_description": kinds.get(kind).description,
            "form": form,
            "content_fields": _content_fields(form),
            "target": target,
            "target_ref": target_ref,
            "correction_notice": kinds.correction_notice(target),
        },
        status=status,
    )


def _target_not_found(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/target_not_found.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contribute_kind(request: HttpRequest, kind: str) -> HttpResponse:
    if not kinds.is_registered(kind):
        raise Http404
    form_class = public_form_class(kind)
    form_kwargs, target, target_ref = {}, None, ""
    if kind == CORRECTION:
        target_ref = (request.POST.get("target") or request.GET.get("target") or "")[:200]
        try:
            target = resolve_target(target_ref)
        except TargetNotFoundError:
            return _target_not_found(request)
        form_kwargs["target"] = target

    if request.method in ("GET", "HEAD"):
        return _render_contribution_form(
            request, kind, form_class(**form_kwargs), target=target, target_ref=target_ref
        )

    # The signed start token is single-use: a form already saved (a resend, a
    # double tap, a retry after a lost response) answers with its status link.
    idempotency_key = form_token_key(request.POST.get("started", ""))
    already_saved = _saved_submission(idempotency_key)
    if already_saved is not None:
        return _already_saved(request, already_saved)

    form = form_class(request.POST, **form_kwargs)
    if not form.is_valid():
        return _render_contribution_form(
            request, kind, form, target=target, target_ref=target_ref, status=400
        )
    identity = client_hash(request)
    slot = take_slot(
        scope=RATE_LIMIT_SCOPE,
        identity=identity,
        limit=conf.get("RATE_LIMIT"),
        window_seconds=conf.get("RATE_WINDOW_SECONDS"),
    )
    if not slot.allowed:
        form.add_error(
            None,
            _(
                "You have sent several contributions in a short time, so we have paused new ones "
                "from your connection for up to an hour. Your text is kept below: copy it somewhere "
                "safe, or leave this page open and send it later."
            ),
        )
        return _render_contribution_form(
            request, kind, form, target=target, target_ref=target_ref, status=429
        )
    try:
        submission = services.submit(
            kind=kind,
            data=form.to_data(),
            pseudonym=form.cleaned_data["pseudonym"],
            email=form.cleaned_data["email"],
            client_hash=identity,
            target=target,
            language=translation.get_language() or "en",
            idempotency_key=idempotency_key,
            submitted_by=request.user if request.user.is_authenticated else None,
            rate_limit_unchecked=not slot.checked,
        )
    except services.AlreadySubmittedError as error:
        slot.release()
        return _already_saved(request, error.submission)
    except Exception:
        logger.exception("Saving a contribution failed")
        slot.release()
        saved = _saved_submission(idempotency_key)
        if saved is not None:  # committed, then the connection dropped
            return _already_saved(request, saved)
        return _render_save_failed(request, kind, form, target=target, target_ref=target_ref)
    _flash(
        request,
        _("Thank you. Your contribution is waiting for an editor. Keep the link of this page to follow it."),
    )
    return redirect(submission.get_status_url())


def _flash(request: HttpRequest, message: str, level: int = messages.SUCCESS) -> None:
    """A message on the next page, if the message store works; the page makes sense without it."""
    try:
        messages.add_message(request, level, message)
    except Exception:
        logger.warning("Could not store a message for the next page")


def _saved_submission(idempotency_key: str | None) -> Submission | None:
    try:
        return services.find_by_idempotency_key(idempotency_key)
    except DatabaseError:
        return None


def _already_saved(request: HttpRequest, submission: Submission) -> HttpResponse:
    _flash(
        request,
        _("We already have this contribution: it was saved once, and this is its private status page."),
        messages.INFO,
    )
    return redirect(submission.get_status_url())


def _render_save_failed(request, kind, form, *, target=None, target_ref=""):
    """The calm outage page, with everything they typed back in the form and the crisis link.

    It needs neither the database nor the session: it reads no user and no messages.
    """
    # Tick-boxes of drug classes would need the database to draw: keep the choices as hidden values.
    choice_fields = set(getattr(form, "drug_class_fields", ()))
    response = render(
        request,
        "moderation/save_failed.html",
        {
            "kind": kind,
            "kind_label": kinds.get(kind).label,
            "form": form,
            "content_fields": [field for field in _content_fields(form) if field.name not in choice_fields],
            "kept_choices": [(name, value) for name in choice_fields for value in form.data.getlist(name)],
            "target_ref": target_ref,
        },
        status=503,
    )
    response["Retry-After"] = "60"
    return response


def _revision_form(submission: Submission, data=None):
    """The contributor's revision form after changes were requested.

    No spam checks: only the holder of the private link gets here.
    """
    if submission.status != Submission.Status.CHANGES_REQUESTED:
        return None
    kind = kinds.find(submission.kind)
    if kind is None:
        return None
    form_class = kind.form_class
    if form_class is CorrectionForm:
        if _public_target(submission) is None:
            return None
        return CorrectionForm(
            data,
            target=submission.target,
            proposed=submission.data.get("changes", {}),
            initial=CorrectionForm.initial_from_data(submission.data),
        )
    return form_class(data, initial=form_class.initial_from_data(submission.data))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def status(request: HttpRequest, reference: str) -> HttpResponse:
    submission = get_object_or_404(Submission, reference=reference)
    form = _revision_form(submission, request.POST if request.method == "POST" else None)
    response_status = 200
    if request.method == "POST":
        if form is None:
            messages.error(request, _("This contribution can no longer be changed."))
            return redirect(submission.get_status_url())
        if form.is_valid():
            try:
                services.resubmit(reference=reference, data=form.to_data())
            except services.ModerationError as error:
                messages.error(request, str(error))
            except Exception:
                logger.exception("Saving a contributor's revision failed")
                form.add_error(
                    None,
                    _(
                        "Something on our side is not working right now, so your revision was not "
                        "saved. Nothing you typed is lost: it is in the form below. Please try again "
                        "in a minute or two."
                    ),
                )
                response_status = 503
            else:
                _flash(request, _("Thank you. Your revised version is back with the editors."))
                return redirect(submission.get_status_url())
            if response_status != 503:
                return redirect(submission.get_status_url())
        else:
            response_status = 400
    # The status link has one address; it is shown in the language the contribution was
    # written in (while that language is offered), whatever the browser says.
    language = submission.language if submission.language in languages.offered_codes() else None
    with translation.override(language or translation.get_language()):
        return _render_status(request, submission, form, response_status)


def _render_status(request: HttpRequest, submission: Submission, form, response_status: int) -> HttpResponse:
    return render(
        request,
        "moderation/status.html",
        {
            "submission": submission,
            "status_url": request.build_absolute_uri(submission.get_status_url()),
            "published_url": published_url(submission),
            "revision_form": form,
            **_public_correction_context(submission),
            **preview_context(submission),
        },
        status=response_status,
    )


def _public_target(submission: Submission):
    """The page a correction refers to, while it is public; None once it is not (or never was)."""
    target = submission.target
    if target is None or not is_public(target):
        return None
    return target


def _public_correction_context(submission: Submission) -> dict:
    """The correction's diff for its contributor, only while the page it corrects is public.

    Once the page is unpublished, its current text and title are no longer the
    public's business: only what the contributor proposed is shown (against nothing).
    """
    if submission.kind != CORRECTION:
        return {"diff": None, "target_hidden": False}
    target = _public_target(submission)
    return {
        "diff": correction_diff(target, submission.data.get("changes", {})),
        "target_hidden": target is None,
    }


@never_cache
@require_POST
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    submission = get_object_or_404(Submission, reference=reference)
    try:
        services.withdraw(reference=reference)
    except services.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your contribution has been withdrawn. Nothing of it will be published."))
    return redirect(submission.get_status_url())


# Editors ----------------------------------------------------------------------


@editor_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if not kinds.is_registered(kind):
        kind = ""
    show = request.GET.get("show", "pending")
    if show not in (Submission.Status.PENDING, Submission.Status.CHANGES_REQUESTED):
        show = Submission.Status.PENDING
    items = Submission.objects.for_queue().filter(status=show)
    counts = Submission.objects.filter(status=show).counts_by_kind()
    if kind:
        items = items.filter(kind=kind)
    page = Paginator(items, conf.get("QUEUE_PAGE_SIZE")).get_page(request.GET.get("page"))
    return render(
        request,
        "moderation/queue.html",
        {
            "page_obj": page,
            "kind": kind,
            "show": show,
            "kind_counts": [(value, label, counts.get(value, 0)) for value, label in kinds.choices()],
            "total": sum(counts.values()),
            "query_string": urlencode(
                {key: value for key, value in (("kind", kind), ("show", show)) if value}
            ),
        },
    )


def _diff(submission: Submission, target=None):
    if submission.kind != CORRECTION:
        return None
    return correction_diff(target or submission.target, submission.data.get("changes", {}))


def _review_context(submission: Submission, *, edit_form=None, decision_form=None, editor=None) -> dict:
    target = submission.target if submission.kind == CORRECTION else None
    if edit_form is None and submission.is_open:
        edit_form = _editor_form(submission, target)
    return {
        "submission": submission,
        "target": target,
        "diff": _diff(submission, target),
        "edit_form": edit_form,
        "edit_fields": _content_fields(edit_form) if edit_form is not None else [],
        "decision_form": decision_form or DecisionForm(),
        "audit_log": submission.audit_log.select_related("actor"),
        "claimant": submission.active_claimant,
        "approval_blocker": _approval_blocker(submission, target, editor),
        **preview_context(submission),
    }


def _approval_blocker(submission: Submission, target, editor) -> str:
    """Why this editor cannot approve now, shown beside the buttons ("" when they can)."""
    if not submission.is_open or editor is None:
        return ""
    if submission.submitted_by_id is not None and submission.submitted_by_id == editor.pk:
        return _("You sent this contribution yourself, so another editor must approve it.")
    if target is not None:
        changes = submission.data.get("changes", {})
        return kinds.correction_refusal(target=target, changes=changes, editor=editor)
    return ""


def _editor_form(submission: Submission, target, data=None):
    kind = kinds.find(submission.kind)
    if kind is None:
        return None
    form_class = kind.form_class
    initial = form_class.initial_from_data(submission.data)
    if form_class is CorrectionForm:
        if target is None:
            return None
        return CorrectionForm(
            data, target=target, proposed=submission.data.get("changes", {}), initial=initial
        )
    return form_class(data, initial=initial)


def _get_submission(pk: int) -> Submission:
    return get_object_or_404(Submission.objects.select_related("claimed_by", "decided_by"), pk=pk)


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _get_submission(pk)
    if request.method in ("GET", "HEAD"):
        return render(request, "moderation/review.html", _review_context(submission, editor=request.user))

    decision_form = DecisionForm(request.POST)
    if not decision_form.is_valid():
        return render(
            request,
            "moderation/review.html",
            _review_context(submission, decision_form=decision_form, editor=request.user),
            status=400,
        )
    action = decision_form.cleaned_data["action"]
    try:
        services.decide(
            submission_id=submission.pk,
            editor=request.user,
            action=action,
            public_note=decision_form.cleaned_data["public_note"],
            internal_note=decision_form.cleaned_data["internal_note"],
            base_url=request.build_absolute_uri("/"),
            seen_revision=decision_form.cleaned_data["revision"],
        )
    except services.ModerationError as error:
        messages.error(request, str(error))
        submission = _get_submission(pk)
        return render(
            request,
            "moderation/review.html",
            _review_context(
                submission,
                decision_form=DecisionForm(initial=decision_form.cleaned_data),
                editor=request.user,
            ),
            status=409,
        )
    recorded = _("Decision recorded for #%(id)s: %(status)s.") % {
        "id": submission.pk,
        "status": Submission.Status(services.DECISIONS[action][0]).label,
    }
    live_url = published_url(_get_submission(pk))
    if live_url:
        recorded = format_html('{} <a href="{}">{}</a>', recorded, live_url, _("View it live"))
    messages.success(request, recorded)
    return redirect("moderation:queue")


@editor_required
@require_POST
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _get_submission(pk)
    target = submission.target if submission.kind == CORRECTION else None
    form = _editor_form(submission, target, request.POST)
    if form is None:
        messages.error(request, _("This submission cannot be edited."))
        return redirect(submission)
    if not form.is_valid():
        return render(
            request,
            "moderation/review.html",
            _review_context(submission, edit_form=form, editor=request.user),
            status=400,
        )
    data = form.to_data()
    if submission.kind == CORRECTION:
        data["target_label"] = submission.data.get("target_label", data["target_label"])
    try:
        seen_revision = int(request.POST.get("revision", ""))
    except ValueError:
        seen_revision = 0  # never a real revision: refused as stale, with the current text shown
    try:
        services.edit(
            submission_id=submission.pk, editor=request.user, data=data, seen_revision=seen_revision
        )
    except services.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your changes are saved. The preview below shows them."))
    return redirect(submission)


@editor_required
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _get_submission(pk)
    try:
        services.claim(submission_id=submission.pk, editor=request.user)
    except services.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are working on #%(id)s. Other editors can see it.") % {"id": pk})
    return redirect(submission)


@editor_required
@require_POST
def release(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _get_submission(pk)
    try:
        services.release(submission_id=submission.pk, editor=request.user)
    except services.ModerationError as error:
        messages.error(request, str(error))
        return redirect(submission)
    messages.success(request, _("#%(id)s is back in the queue.") % {"id": pk})
    return redirect("moderation:queue")


@editor_required
@require_safe
def history(request: HttpRequest, username: str) -> HttpResponse:
    person = get_object_or_404(get_user_model(), **{get_user_model().USERNAME_FIELD: username})
    entries = AuditLogEntry.objects.filter(actor=person).select_related("submission").order_by("-at", "-pk")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "moderation/history.html", {"person": person, "page_obj": page})
