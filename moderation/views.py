from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from withdrawal_site.accounts.roles import is_editor
from withdrawal_site.ratelimit import client_hash, is_limited, record_hit

from . import conf, services
from .forms import CONTENT_FORMS, CONTRIBUTOR_FIELD_NAMES, CorrectionForm, DecisionForm, public_form_class
from .models import AuditLogEntry, Submission
from .preview import preview_context
from .targets import TargetNotFoundError, correction_diff, resolve_target

RATE_LIMIT_SCOPE = "moderation:contribute"
PUBLIC_KINDS = [kind for kind in Submission.Kind if kind != Submission.Kind.CORRECTION]


def editor_required(view):
    """Editors, Admins and superusers only: strangers are sent to sign in, others refused."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


# Contributors -----------------------------------------------------------------


@require_safe
def contribute(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "moderation/contribute.html",
        {"kinds": PUBLIC_KINDS, "purge_days": conf.get("PURGE_AFTER_DAYS")},
    )


def _content_fields(form) -> list:
    return [form[name] for name in form.fields if name not in CONTRIBUTOR_FIELD_NAMES]


def _render_contribution_form(request, kind, form, *, target=None, target_ref="", status=200):
    return render(
        request,
        "moderation/contribute_form.html",
        {
            "kind": kind,
            "kind_label": Submission.Kind(kind).label,
            "form": form,
            "content_fields": _content_fields(form),
            "target": target,
            "target_ref": target_ref,
        },
        status=status,
    )


def _target_not_found(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/target_not_found.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contribute_kind(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in Submission.Kind.values:
        raise Http404
    form_class = public_form_class(kind)
    form_kwargs, target, target_ref = {}, None, ""
    if kind == Submission.Kind.CORRECTION:
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

    form = form_class(request.POST, **form_kwargs)
    identity = client_hash(request)
    if is_limited(scope=RATE_LIMIT_SCOPE, identity=identity, limit=conf.get("RATE_LIMIT")):
        form.is_valid()  # show any field errors too, and keep every value
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
    if not form.is_valid():
        return _render_contribution_form(
            request, kind, form, target=target, target_ref=target_ref, status=400
        )

    submission = services.submit(
        kind=kind,
        data=form.to_data(),
        pseudonym=form.cleaned_data["pseudonym"],
        email=form.cleaned_data["email"],
        client_hash=identity,
        target=target,
        language=translation.get_language() or "en",
    )
    record_hit(scope=RATE_LIMIT_SCOPE, identity=identity, window_seconds=conf.get("RATE_WINDOW_SECONDS"))
    messages.success(
        request,
        _("Thank you. Your contribution is waiting for an editor. Keep the link of this page to follow it."),
    )
    return redirect(submission.get_status_url())


def _revision_form(submission: Submission, data=None):
    """The contributor's revision form after changes were requested.

    No spam checks: only the holder of the private link gets here.
    """
    if submission.status != Submission.Status.CHANGES_REQUESTED:
        return None
    form_class = CONTENT_FORMS[submission.kind]
    if form_class is CorrectionForm:
        if submission.target is None:
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
            else:
                messages.success(request, _("Thank you. Your revised version is back with the editors."))
            return redirect(submission.get_status_url())
        response_status = 400
    return render(
        request,
        "moderation/status.html",
        {
            "submission": submission,
            "status_url": request.build_absolute_uri(submission.get_status_url()),
            "revision_form": form,
            "diff": _diff(submission),
            **preview_context(submission),
        },
        status=response_status,
    )


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
    if kind not in Submission.Kind.values:
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
            "kind_counts": [(value, label, counts.get(value, 0)) for value, label in Submission.Kind.choices],
            "total": sum(counts.values()),
            "query_string": urlencode(
                {key: value for key, value in (("kind", kind), ("show", show)) if value}
            ),
        },
    )


def _diff(submission: Submission, target=None):
    if submission.kind != Submission.Kind.CORRECTION:
        return None
    return correction_diff(target or submission.target, submission.data.get("changes", {}))


def _review_context(submission: Submission, *, edit_form=None, decision_form=None) -> dict:
    target = submission.target if submission.kind == Submission.Kind.CORRECTION else None
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
        **preview_context(submission),
    }


def _editor_form(submission: Submission, target, data=None):
    form_class = CONTENT_FORMS[submission.kind]
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
        return render(request, "moderation/review.html", _review_context(submission))

    decision_form = DecisionForm(request.POST)
    if not decision_form.is_valid():
        return render(
            request,
            "moderation/review.html",
            _review_context(submission, decision_form=decision_form),
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
        )
    except services.ModerationError as error:
        messages.error(request, str(error))
        submission = _get_submission(pk)
        return render(
            request,
            "moderation/review.html",
            _review_context(submission, decision_form=decision_form),
            status=409,
        )
    messages.success(
        request,
        _("Decision recorded for #%(id)s: %(status)s.")
        % {"id": submission.pk, "status": Submission.Status(services.DECISIONS[action][0]).label},
    )
    return redirect("moderation:queue")


@editor_required
@require_POST
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _get_submission(pk)
    target = submission.target if submission.kind == Submission.Kind.CORRECTION else None
    form = _editor_form(submission, target, request.POST)
    if form is None:
        messages.error(request, _("This submission cannot be edited."))
        return redirect(submission)
    if not form.is_valid():
        return render(
            request, "moderation/review.html", _review_context(submission, edit_form=form), status=400
        )
    data = form.to_data()
    if submission.kind == Submission.Kind.CORRECTION:
        data["target_label"] = submission.data.get("target_label", data["target_label"])
    try:
        services.edit(submission_id=submission.pk, editor=request.user, data=data)
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
