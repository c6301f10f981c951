import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from taxonomy.tags import tags_in_use
from withdrawal_site import jsonld
from withdrawal_site.languages import page_language_first

from . import guidance, planner, reference
from .forms import COUNTRIES, DrugFilterForm, ListFilterForm, PlanCheckForm, PlannerForm
from .models import Drug, Experience, Formulation, ResourceLink, TaperingMethod, Tip

PAGE_SIZE = 20


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_string(form) -> str:
    """The active filters, to carry across pagination links."""
    if not form.is_bound or not form.is_valid():
        return ""
    return urlencode({key: value for key, value in form.data.items() if key != "page" and value})


# --- Drugs ---------------------------------------------------------------------------------------


@require_safe
def drug_list(request: HttpRequest) -> HttpResponse:
    form = DrugFilterForm(request.GET or None)
    drugs = Drug.objects.for_list()
    if form.is_bound and form.is_valid():
        if form.cleaned_data["drug_class"]:
            drugs = drugs.filter(drug_class=form.cleaned_data["drug_class"])
        if query := form.cleaned_data["q"].strip():
            drugs = drugs.filter(
                Q(name__icontains=query) | Q(other_names__icontains=query) | Q(local_names__icontains=query)
            )
    return render(request, "resources/drug_list.html", {"form": form, "drugs": drugs})


@require_safe
def drug_detail(request: HttpRequest, slug: str) -> HttpResponse:
    drug = get_object_or_404(Drug.objects.for_detail(), slug=slug)
    # Titles only on this page: one query per section, from the pure published() filter.
    # Only the methods whose own text fits a form this drug comes in (no bead counting for tablets).
    methods = [
        method
        for method in TaperingMethod.objects.published().filter(drug_classes=drug.drug_class_id)
        if method.fits(drug)
    ]
    tips = Tip.objects.published().filter(drug_classes=drug.drug_class_id)[:10]
    experiences = Experience.objects.published().filter(drugs=drug)[:10]
    links = ResourceLink.objects.published().filter(drug_classes=drug.drug_class_id)[:10]
    page_data = jsonld.medical_web_page(
        name=drug.name,
        url=request.build_absolute_uri(drug.get_absolute_url()),
        about=jsonld.drug(
            name=drug.name, alternate_names=drug.other_names_list, drug_class=drug.drug_class.name
        ),
        last_reviewed=drug.last_reviewed,
    )
    context = {
        "drug": drug,
        "methods": methods,
        "tips": tips,
        "experiences": experiences,
        "links": links,
        "equivalence": reference.row_for(drug.slug),
        "jsonld": page_data,
    }
    return render(request, "resources/drug_detail.html", context)


# --- Tapering methods ----------------------------------------------------------------------------


@require_safe
def method_list(request: HttpRequest) -> HttpResponse:
    return render(request, "resources/method_list.html", {"methods": TaperingMethod.objects.for_list()})


@require_safe
def method_detail(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_object_or_404(TaperingMethod.objects.for_detail(), slug=slug)
    page_data = jsonld.how_to(
        name=method.name,
        description=method.summary,
        url=request.build_absolute_uri(method.get_absolute_url()),
        steps=method.step_list,
    )
    return render(request, "resources/method_detail.html", {"method": method, "jsonld": page_data})


# --- Community lists -----------------------------------------------------------------------------


def _filtered_list(request: HttpRequest, model, template: str) -> HttpResponse:
    published = model.objects.published()
    form = ListFilterForm(request.GET or None, tags=tags_in_use(published))
    items = model.objects.for_list()
    if form.is_bound and form.is_valid():
        if drug_class := form.cleaned_data["drug_class"]:
            items = items.in_drug_class(drug_class.slug)
        if tag := form.cleaned_data["tag"]:
            items = items.tagged(tag)
    page_obj = _page(request, page_language_first(items))
    context = {"form": form, "page_obj": page_obj, "items": page_obj, "query_string": _query_string(form)}
    return render(request, template, context)


@require_safe
def tip_list(request: HttpRequest) -> HttpResponse:
    return _filtered_list(request, Tip, "resources/tip_list.html")


@require_safe
def tip_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tip = get_object_or_404(Tip.objects.for_detail(), slug=slug)
    return render(request, "resources/tip_detail.html", {"tip": tip})


@require_safe
def experience_list(request: HttpRequest) -> HttpResponse:
    return _filtered_list(request, Experience, "resources/experience_list.html")


@require_safe
def experience_detail(request: HttpRequest, slug: str) -> HttpResponse:
    experience = get_object_or_404(Experience.objects.for_detail(), slug=slug)
    return render(request, "resources/experience_detail.html", {"experience": experience})


@require_safe
def link_list(request: HttpRequest) -> HttpResponse:
    return _filtered_list(request, ResourceLink, "resources/link_list.html")


@require_safe
def link_detail(request: HttpRequest, slug: str) -> HttpResponse:
    link = get_object_or_404(ResourceLink.objects.for_detail(), slug=slug)
    return render(request, "resources/link_detail.html", {"link": link})


# --- Reference table -----------------------------------------------------------------------------


@require_safe
def benzo_equivalents(request: HttpRequest) -> HttpResponse:
    published_slugs = set(
        Drug.objects.published()
        .filter(slug__in=[row.drug_slug for row in reference.BENZODIAZEPINE_EQUIVALENTS])
        .values_list("slug", flat=True)
    )
    context = {
        "rows": reference.BENZODIAZEPINE_EQUIVALENTS,
        "sources": reference.SOURCES,
        "published_slugs": published_slugs,
    }
    return render(request, "resources/benzo_equivalents.html", context)


# --- Planner -------------------------------------------------------------------------------------

PLANNER_FIELDS = (
    "start_dose",
    "cut_percent",
    "days_per_step",
    "stop_below",
    "start_date",
    "drug",
    "country",
    "liquid_mg",
    "liquid_ml",
    "syringe",
    "hold_steps",
    "formulations",
    "tolerance_percent",
    "acknowledged",
)
CHECK_FIELDS = ("drug", "given_steps", "start_dose", "weeks", "end_dose", "start_date", "acknowledged")
# Arriving from a drug page with only these set prefills the form; it is not a submission.
PREFILL_FIELDS = ("drug", "country")
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
NOT_ADVICE = gettext_lazy(
    "From the Withdrawal Commons taper planner: arithmetic, not medical advice. "
    "Discuss any change with your prescriber."
)
QUESTIONS = (
    gettext_lazy(
        "Is this pace right for me, given how long I have taken this drug and how earlier changes went?"
    ),
    gettext_lazy(
        "Can each dose be made with the forms available here, or with a liquid or a made-up strength?"
    ),
    gettext_lazy("If withdrawal symptoms become hard to bear, do we hold, go back up a step, or slow down?"),
    gettext_lazy("Which signs mean I should get medical help straight away?"),
    gettext_lazy("When and how will we review the plan together?"),
)


def _chosen_drug(request: HttpRequest) -> Drug | None:
    slug = request.GET.get("drug", "")
    if not SLUG.match(slug):
        return None
    return Drug.objects.for_detail().filter(slug=slug).first()


def _chosen_country(request: HttpRequest) -> str:
    country = request.GET.get("country", "")
    return country if country in dict(COUNTRIES) else ""


def _submitted(request: HttpRequest, fields: tuple[str, ...]) -> bool:
    return any(name in request.GET for name in fields if name not in PREFILL_FIELDS)


def _links(request: HttpRequest, url_name: str, fields: tuple[str, ...]) -> dict[str, str]:
    """Share, download and print addresses carrying the same inputs."""
    shared = [(key, value) for key in fields for value in request.GET.getlist(key) if value]
    base = reverse(url_name)
    return {
        # Whoever opens a shared link ticks the box for themselves before seeing results.
        "share_url": request.build_absolute_uri(
            f"{base}?{urlencode([(k, v) for k, v in shared if k != 'acknowledged'])}#results"
        ),
        "csv_url": f"{base}?{urlencode([*shared, ('format', 'csv')])}",
        "ics_url": f"{base}?{urlencode([*shared, ('format', 'ics')])}",
        "prescriber_url": f"{base}?{urlencode([*shared, ('format', 'prescriber')])}",
    }


def _journal_url(request: HttpRequest) -> str:
    """Start a private journal with this plan's steps (the journal reads the same parameters)."""
    inputs = [
        (key, value)
        for key in PLANNER_FIELDS
        if key != "acknowledged"
        for value in request.GET.getlist(key)
        if value
    ]
    return f"{reverse('journal:new')}?{urlencode(inputs)}"


def _paces_shown(drug: Drug | None) -> tuple:
    return guidance.paces_for(drug.drug_class.slug) if drug else guidance.PACES


@require_safe
def taper_planner(request: HttpRequest) -> HttpResponse:
    drug = _chosen_drug(request)
    country = _chosen_country(request)
    formulations = list(drug.formulations.for_country(country)) if drug else []
    liquids = [record for record in formulations if record.kind == Formulation.Kind.LIQUID]
    initial = {"drug": drug.slug if drug else None, "country": country}
    if liquids:
        initial |= {
            "liquid_mg": planner.display(liquids[0].strength_mg),
            "liquid_ml": planner.display(liquids[0].volume_ml),
        }
    submitted = _submitted(request, PLANNER_FIELDS)
    form = PlannerForm(request.GET if submitted else None, initial=initial, formulations=formulations)
    context = {
        "form": form,
        "schedule": None,
        "drug": drug,
        "liquids": liquids,
        "paces": _paces_shown(drug),
    }
    if not (submitted and form.is_valid()):
        return render(request, "resources/planner.html", context)
    # The form read the same parameter; keep the copy fetched with its class.
    drug = drug if form.cleaned_data.get("drug") else None
    schedule = planner.build_schedule(form.plan_input())
    output = request.GET.get("format")
    if output == "csv":
        response = HttpResponse(planner.schedule_csv(schedule), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="taper-schedule.csv"'
        return response
    if output == "ics":
        body = planner.schedule_ics(schedule, summary_prefix=_("Taper step"), description=str(NOT_ADVICE))
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="taper-schedule.ics"'
        return response
    context |= {
        "drug": drug,
        "schedule": schedule,
        "warnings": planner.guardrails(schedule, drug_class_slug=drug.drug_class.slug if drug else None),
        "paces": _paces_shown(drug),
        "questions": QUESTIONS,
        "not_advice": NOT_ADVICE,
        **_links(request, "resources:planner", PLANNER_FIELDS),
        "journal_url": _journal_url(request),
    }
    if output == "prescriber":
        return render(request, "resources/planner_prescriber.html", context | {"mode": "plan"})
    context["chart"] = planner.schedule_svg(
        schedule,
        title=_("Dose at each step"),
        description=_(
            "The solid line is the schedule below, cutting %(cut)s%% of the current dose each "
            "step, from %(start)s mg to a stop after %(steps)s steps. The dashed line is an "
            "equal-cuts taper of the same length, taking the same number of milligrams off "
            "at every step. The table below gives every value."
        )
        % {
            "cut": planner.display(schedule.plan.cut_percent),
            "start": planner.display(schedule.plan.start_dose),
            "steps": len(schedule.dosed_steps),
        },
        legend=(_("Cut by a share of the current dose"), _("Equal cuts, same length")),
    )
    return render(request, "resources/planner.html", context)


@require_safe
def plan_check(request: HttpRequest) -> HttpResponse:
    """Set a plan someone was given beside the published paces; it never says the plan is wrong."""
    drug = _chosen_drug(request)
    submitted = _submitted(request, CHECK_FIELDS)
    form = PlanCheckForm(request.GET if submitted else None, initial={"drug": drug.slug if drug else None})
    context = {"form": form, "checked": None, "drug": drug, "paces": _paces_shown(drug)}
    if not (submitted and form.is_valid()):
        return render(request, "resources/planner_check.html", context)
    drug = form.cleaned_data.get("drug")
    checked = planner.check_plan(
        form.cleaned_data["plan"],
        drug_class_slug=drug.drug_class.slug if drug else None,
        drug_slug=drug.slug if drug else None,
    )
    context |= {
        "drug": drug,
        "checked": checked,
        "paces": _paces_shown(drug),
        "questions": QUESTIONS,
        "not_advice": NOT_ADVICE,
        # Diazepam is what the others are measured against, so it has no row of its own.
        "is_benzodiazepine": bool(
            drug and drug.drug_class.slug == "benzodiazepines" and drug.slug != "diazepam"
        ),
        **_links(request, "resources:plan_check", CHECK_FIELDS),
    }
    if request.GET.get("format") == "prescriber":
        return render(request, "resources/planner_prescriber.html", context | {"mode": "check"})
    return render(request, "resources/planner_check.html", context)
