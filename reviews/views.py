from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from . import services
from .models import ReviewLogEntry
from .registry import KINDS, KINDS_BY_SLUG

RECENT_ENTRIES = 20
PERMISSION = "reviews.record_review"


def reviewer_required(view):
    """Strangers are sent to sign in; signed-in people without the permission are refused."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_active or not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


@require_safe
@reviewer_required
def due_list(request: HttpRequest) -> HttpResponse:
    """Published pages never reviewed, or whose next review date has come: one query per kind."""
    today = timezone.localdate()
    rows = []
    for kind in KINDS:
        items = (
            kind.published_items()
            .filter(Q(next_review_due__isnull=True) | Q(next_review_due__lte=today))
            .only("pk", "slug", kind.title_field, "last_reviewed", "next_review_due")
            .order_by(F("next_review_due").asc(nulls_first=True), kind.title_field)
        )
        rows.extend({"kind": kind, "item": item, "title": kind.title_of(item)} for item in items)
    recent = ReviewLogEntry.objects.select_related("reviewer").order_by("-at", "-pk")[:RECENT_ENTRIES]
    return render(request, "reviews/due_list.html", {"rows": rows, "recent": recent, "today": today})


@require_POST
@reviewer_required
def reviewed_without_change(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    review_kind = KINDS_BY_SLUG.get(kind)
    if review_kind is None:
        raise Http404
    try:
        entry = services.record_review_without_change(kind=review_kind, pk=pk, reviewer=request.user)
    except review_kind.model.DoesNotExist as error:
        raise Http404 from error
    messages.success(
        request,
        _("Recorded: %(page)s reviewed, no change. Next review due %(date)s.")
        % {"page": entry.object_label, "date": entry.next_review_due.strftime("%d %B %Y")},
    )
    return redirect("reviews:due_list")
