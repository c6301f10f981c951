"""Journal pages. Every page under /journal/<secret>/ is private to whoever holds the link.

Those pages send `Referrer-Policy: no-referrer`, so the secret never leaves in a
Referer header, not even to our own static files. Browsers then send
`Origin: null` with form posts, which Django's CSRF check refuses; those views
are therefore CSRF-exempt. That is safe because the secret in the address is
itself the capability: a site that could forge such a post would already need
the secret, with which it could do everything directly. /journal/new/ carries
no secret, keeps the normal referrer policy and the normal CSRF check.
"""

import functools
import logging
from decimal import Decimal

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from withdrawal_site.ratelimit import client_hash, is_limited, record_hit

from . import conf, services
from .chart import journal_svg
from .crisis import crisis_context
from .entries import SEVERITY_CHOICES, day_rating_trend, latest, read_days, steps, trends
from .exports import export_csv, export_json
from .forms import EntryForm, ImportForm, plain_decimal
from .planner_link import planned_steps_from_query

logger = logging.getLogger(__name__)
CREATE_SCOPE = "journal-create"
# The timeline shows this many newest entries unless asked for all (the table always has all).
TIMELINE_LENGTH = 30


def _private_headers(response: HttpResponse, *, referrer: str = "no-referrer") -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = referrer
    return response


# The first-visit notice's dismiss button posts a form; from a no-referrer page the
# browser sends `Origin: null` and the CSRF check would refuse it. The notice is
# shown on /journal/new/ and everywhere else instead.
PRIVATE_CONTEXT = {"show_first_visit_notice": False}


def _render_private(request: HttpRequest, template: str, context: dict | None = None, status: int = 200):
    return render(request, template, {**PRIVATE_CONTEXT, **(context or {})}, status=status)


def _not_found(request: HttpRequest) -> HttpResponse:
    """One answer for a missing, malformed, truncated or wrong link: nothing tells them apart."""
    return _private_headers(_render_private(request, "404.html", status=404))


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    return _not_found(request)


def journal_view(view):
    """Open the journal from the link's secret (or 404) and mark the response private."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request: HttpRequest, secret: str, *args, **kwargs) -> HttpResponse:
        opened = services.open_journal(secret=secret)
        if opened is None:
            return _not_found(request)
        return _private_headers(view(request, opened, secret, *args, **kwargs))

    return wrapper


def _journal_url(name: str, secret: str, **kwargs) -> str:
    return reverse(f"journal:{name}", kwargs={"secret": secret, **kwargs})


def _rate_limited(request: HttpRequest) -> bool:
    return is_limited(scope=CREATE_SCOPE, identity=client_hash(request), limit=conf.get("CREATE_RATE_LIMIT"))


def _count_creation(request: HttpRequest) -> None:
    record_hit(
        scope=CREATE_SCOPE,
        identity=client_hash(request),
        window_seconds=conf.get("CREATE_RATE_WINDOW_SECONDS"),
    )


def _start_page(request: HttpRequest, *, import_form=None, status=200, limited=False) -> HttpResponse:
    planned = planned_steps_from_query(request.GET)
    context = {
        "planned": planned,
        "planned_dosed": [step for step in planned or [] if step.dose_mg > 0],
        "import_form": import_form or ImportForm(),
        "limited": limited,
        "purge_months": conf.get("PURGE_AFTER_MONTHS"),
    }
    return _private_headers(
        render(request, "journal/start.html", context, status=status), referrer="same-origin"
    )


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """The start page (GET) and creating a journal (POST), with the planner's steps if given."""
    if request.method == "GET":
        return _start_page(request)
    if _rate_limited(request):
        return _start_page(request, status=429, limited=True)
    secret, _journal = services.create_journal(planned_steps=planned_steps_from_query(request.GET))
    _count_creation(request)
    return _private_headers(redirect(_journal_url("welcome", secret.value)))


@require_POST
def start_from_file(request: HttpRequest) -> HttpResponse:
    if _rate_limited(request):
        return _start_page(request, status=429, limited=True)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _start_page(request, import_form=form, status=400)
    imported = form.cleaned_data["file"]
    secret, _journal = services.create_journal(
        planned_steps=imported["planned_steps"], entries=imported["entries"]
    )
    _count_creation(request)
    return _private_headers(redirect(_journal_url("welcome", secret.value)))


@journal_view
@require_safe
def welcome(request: HttpRequest, opened, secret: str) -> HttpResponse:
    link = request.build_absolute_uri(_journal_url("detail", secret))
    return _render_private(request, "journal/welcome.html", {"secret": secret, "link": link})


def _chart_labels() -> dict[str, str]:
    return {
        "dose": _("Dose (mg)"),
        "rating": _("Day rating"),
        "cut": _("Dose cut on"),
    }


@journal_view
@require_safe
def detail(request: HttpRequest, opened, secret: str) -> HttpResponse:
    days = read_days(opened.entries())
    timeline = list(reversed(days))
    show_all = request.GET.get("timeline") == "all"
    planned = opened.planned_steps()
    newest = latest(days)
    show_crisis = newest is not None and newest.data.is_crisis
    chart = journal_svg(
        days,
        planned=planned,
        title=_("Dose and day rating over time"),
        description=_(
            "A line of the dose in milligrams steps down at each cut (vertical lines); dots show each "
            "day's rating from 0 (worst) to 10 (best). The table below has the same figures."
        ),
        labels=_chart_labels(),
    )
    context = {
        "secret": secret,
        "days": days,
        "timeline": timeline if show_all else timeline[:TIMELINE_LENGTH],
        "timeline_cut_short": not show_all and len(timeline) > TIMELINE_LENGTH,
        "steps": steps(days),
        "planned": [step for step in planned if step.dose_mg > 0],
        "chart": chart,
        "show_crisis": show_crisis,
        **(crisis_context(request) if show_crisis else {}),
        "purge_months": conf.get("PURGE_AFTER_MONTHS"),
        "has_waves": any(day.data.phase == "wave" for day in days),
    }
    return _render_private(request, "journal/detail.html", context)


def _entry_page(request, secret, form, *, entry_id=None, status=200) -> HttpResponse:
    context = {"secret": secret, "form": form, "entry_id": entry_id, "severity_choices": SEVERITY_CHOICES}
    return _render_private(request, "journal/entry_form.html", context, status=status)


def _likely_dose(opened) -> Decimal | None:
    """The last dose taken, else today's dose in the imported plan: one field less to type."""
    days = read_days(opened.entries())
    if days:
        return days[-1].data.dose_mg
    today = timezone.localdate()
    planned = [step for step in opened.planned_steps() if step.day <= today]
    return plain_decimal(planned[-1].dose_mg) if planned else None


@journal_view
@require_http_methods(["GET", "POST"])
def entry_add(request: HttpRequest, opened, secret: str) -> HttpResponse:
    if request.method == "GET":
        dose = _likely_dose(opened)
        return _entry_page(request, secret, EntryForm(initial={} if dose is None else {"dose_mg": dose}))
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, secret, form, status=400)
    if opened.journal.entries.count() >= conf.get("MAX_ENTRIES"):
        form.add_error(None, _("This journal is full. Download it and start a new one."))
        return _entry_page(request, secret, form, status=400)
    services.add_entry(opened=opened, data=form.entry_data())
    messages.success(request, _("Entry saved."))
    return redirect(_journal_url("detail", secret))


@journal_view
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, opened, secret: str, entry_id: int) -> HttpResponse:
    data = opened.entry(entry_id)
    if data is None:
        return _not_found(request)
    if request.method == "GET":
        return _entry_page(
            request, secret, EntryForm(initial=EntryForm.initial_from(data)), entry_id=entry_id
        )
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, secret, form, entry_id=entry_id, status=400)
    services.update_entry(opened=opened, entry_id=entry_id, data=form.entry_data())
    messages.success(request, _("Entry updated."))
    return redirect(_journal_url("detail", secret))


@journal_view
@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, opened, secret: str, entry_id: int) -> HttpResponse:
    data = opened.entry(entry_id)
    if data is None:
        return _not_found(request)
    if request.method == "POST":
        services.delete_entry(opened=opened, entry_id=entry_id)
        messages.success(request, _("Entry deleted."))
        return redirect(_journal_url("detail", secret))
    return _render_private(
        request, "journal/entry_delete.html", {"secret": secret, "entry": data, "entry_id": entry_id}
    )


@journal_view
@require_safe
def summary(request: HttpRequest, opened, secret: str) -> HttpResponse:
    days = read_days(opened.entries())
    context = {
        "secret": secret,
        "days": days,
        "first_day": days[0].data.day if days else None,
        "last_day": days[-1].data.day if days else None,
        "steps": steps(days),
        "trends": trends(days),
        "rating_trend": day_rating_trend(days),
        "notes": [day for day in days if day.data.note_in_summary and day.data.note_html],
        "waves": sum(1 for day in days if day.data.phase == "wave"),
        "windows": sum(1 for day in days if day.data.phase == "window"),
        "printed_on": timezone.localdate(),
    }
    return _render_private(request, "journal/summary.html", context)


def _download(body: str, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@journal_view
@require_safe
def download_csv(request: HttpRequest, opened, secret: str) -> HttpResponse:
    return _download(export_csv(opened), content_type="text/csv; charset=utf-8", filename="taper-journal.csv")


@journal_view
@require_safe
def download_json(request: HttpRequest, opened, secret: str) -> HttpResponse:
    return _download(
        export_json(opened), content_type="application/json; charset=utf-8", filename="taper-journal.json"
    )


@journal_view
@require_http_methods(["GET", "POST"])
def import_entries(request: HttpRequest, opened, secret: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            imported = form.cleaned_data["file"]["entries"]
            if opened.journal.entries.count() + len(imported) > conf.get("MAX_ENTRIES"):
                form.add_error(None, _("Together these would be more entries than a journal can hold."))
            else:
                count = services.add_entries(opened=opened, entries=imported)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s entry added from the file.",
                        "%(count)s entries added from the file.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect(_journal_url("detail", secret))
        return _render_private(request, "journal/import.html", {"secret": secret, "form": form}, status=400)
    return _render_private(request, "journal/import.html", {"secret": secret, "form": form})


@journal_view
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, opened, secret: str) -> HttpResponse:
    if request.method == "POST":
        services.delete_journal(opened=opened)
        return _render_private(request, "journal/deleted.html")
    return _render_private(
        request, "journal/delete.html", {"secret": secret, "entry_count": opened.journal.entries.count()}
    )
