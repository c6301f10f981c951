from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from taxonomy.models import DrugClass
from withdrawal_site.visitor_country import remember_choice, visitor_country

from . import crisis_snapshot
from .cross_links import links_for_organization
from .forms import DirectoryFilterForm
from .jsonld import organization_jsonld
from .models import Organization, Service, ServiceArea, language_name
from .validation import COUNTRY_CODES, country_name, split_codes

PAGE_SIZE = 20
CRISIS_LINES_SHOWN = 6


@require_safe
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
        if filters["type"] == Service.Type.HELPLINE:
            # A helpline reported closed, or not known to run, is never offered as a helpline.
            services = services.filter(status__in=Service.WORKING_STATUSES)
    if "drug_class" in filters:
        services = services.for_drug_class(filters["drug_class"])
    if "language" in filters:
        services = services.speaking(filters["language"])
    if filters.get("open_now"):
        services = services.open_at(timezone.now())

    # The same country choice as the crisis page: the filter, else the remembered or browser country.
    home_country = filters.get("country") or visitor_country(request, COUNTRY_CODES)
    # Crisis lines get their own section on the first page (the crisis page lists them all).
    crisis_lines = list(
        services.filter(is_crisis_line=True).in_country_first(home_country)[:CRISIS_LINES_SHOWN]
    )
    services = services.filter(is_crisis_line=False).in_country_first(home_country)
    fallback = False
    narrowing = {"q", "type", "drug_class", "language", "open_now"} & set(filters)
    if narrowing and not crisis_lines and not services.exists():
        # Nothing local matches: say so, and offer what anyone in that country can use.
        fallback = True
        services = Service.objects.listed().filter(is_crisis_line=False).national_or_online(home_country)

    page_obj = Paginator(services, PAGE_SIZE).get_page(request.GET.get("page"))
    if page_obj.number > 1:
        crisis_lines = []
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
            "crisis_lines": crisis_lines,
            "fallback": fallback,
            "home_country_name": country_name(home_country) if home_country else "",
        },
    )


@require_safe
def support_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization.objects.for_detail(), slug=slug)
    return render(
        request,
        "charities/detail.html",
        {
            "organization": organization,
            "services": organization.listed_services,
            "resource_links": links_for_organization(organization, organization.listed_services),
            "jsonld": organization_jsonld(organization, request),
        },
    )


@require_safe
def crisis(request: HttpRequest) -> HttpResponse:
    """Help now, in the first screen of a phone: the visitor's emergency numbers, then their lines.

    The country is the visitor's own choice (`?country=XX`, remembered in a
    cookie), else their browser's region, else they pick one from plain links.
    No first-visit notice and no language suggestion here. When the database is down the page is built
    from the stored snapshot (crisis_snapshot) on the standalone layout.
    """
    countries, from_database = crisis_snapshot.current()
    choosable = crisis_snapshot.supported(countries)
    code = visitor_country(request, choosable)
    context = {
        **crisis_snapshot.crisis_context(countries, code),
        "show_first_visit_notice": False,
        # Nothing may come between a visitor and the numbers: not even the
        # suggestion to read the page in their browser's language.
        "language_suggestion": None,
        "crisis_from_database": from_database,
    }
    response = None
    if from_database:
        try:
            response = render(request, "charities/crisis.html", context)
        except crisis_snapshot.DATABASE_DOWN:
            response = None  # the session or a cached text needed the database mid-page
    if response is None:
        response = HttpResponse(render_to_string("charities/crisis_offline.html", context))
        response["Cache-Control"] = "no-store"
    remember_choice(request, response, choosable)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response
