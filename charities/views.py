from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from resources.models import DrugClass

from .countries import country_name
from .forms import DirectoryFilterForm
from .jsonld import organization_jsonld
from .models import Organization, Service, ServiceArea, language_name, split_codes

PAGE_SIZE = 20


def support_list(request: HttpRequest) -> HttpResponse:
    drug_classes = list(DrugClass.objects.all())
    form = DirectoryFilterForm(request.GET, drug_class_slugs={dc.slug for dc in drug_classes})
    filters = form.valid_filters()

    services = Service.objects.listed()
    if "q" in filters:
        services = services.search(filters["q"])
    if "country" in filters:
        services = services.serving_country(filters["country"])
    if "type" in filters:
        services = services.filter(type=filters["type"])
    if "drug_class" in filters:
        services = services.for_drug_class(filters["drug_class"])
    if "language" in filters:
        services = services.speaking(filters["language"])
    if filters.get("open_now"):
        services = services.open_at(timezone.now())

    page_obj = Paginator(services, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)

    listed_areas = ServiceArea.objects.filter(service__status__in=Service.LISTED_STATUSES)
    # order_by(): the default ordering would put pk into the DISTINCT and fetch every row.
    countries = set(listed_areas.exclude(country="").order_by().values_list("country", flat=True).distinct())
    if filters.get("country"):
        countries.add(filters["country"])
    languages = {
        code
        for value in Service.objects.listed_only()
        .exclude(languages="")
        .order_by()
        .values_list("languages", flat=True)
        .distinct()
        for code in split_codes(value)
    }
    if filters.get("language"):
        languages.add(filters["language"])

    return render(
        request,
        "charities/list.html",
        {
            "form": form,
            "filters": filters,
            "page_obj": page_obj,
            "services": page_obj.object_list,
            "query_string": query.urlencode(),
            "country_options": sorted(((code, country_name(code)) for code in countries), key=lambda c: c[1]),
            "language_options": sorted(
                ((code, language_name(code)) for code in languages), key=lambda c: c[1]
            ),
            "type_options": Service.Type.choices,
            "drug_classes": drug_classes,
            "selected_country_name": country_name(filters["country"]) if filters.get("country") else "",
        },
    )


def support_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization.objects.listed(), slug=slug)
    return render(
        request,
        "charities/detail.html",
        {
            "organization": organization,
            "services": organization.listed_services,
            "jsonld": organization_jsonld(organization, request),
        },
    )


def crisis(request: HttpRequest) -> HttpResponse:
    """Crisis lines grouped by country; a line for several countries appears under each."""
    groups: dict[str, list[Service]] = {}
    for service in Service.objects.crisis_lines():
        countries = {area.country for area in service.areas.all()} or {""}
        for code in countries:
            groups.setdefault(code, []).append(service)
    named = sorted(
        ((code, country_name(code)) for code in groups if code),
        key=lambda item: item[1],
    )
    country_groups = [{"code": code, "name": name, "services": groups[code]} for code, name in named]
    if "" in groups:
        country_groups.append({"code": "", "name": _("International and online"), "services": groups[""]})
    return render(request, "charities/crisis.html", {"country_groups": country_groups})
