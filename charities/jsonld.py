"""schema.org data for a directory page: the organisation as an NGO with its ContactPoints.

Built with withdrawal_site.jsonld, which writes every page's block.
"""

from django.http import HttpRequest

from withdrawal_site import jsonld

from .models import Organization, Schedule

_DAYS = {
    Schedule.Weekday.MONDAY: "Monday",
    Schedule.Weekday.TUESDAY: "Tuesday",
    Schedule.Weekday.WEDNESDAY: "Wednesday",
    Schedule.Weekday.THURSDAY: "Thursday",
    Schedule.Weekday.FRIDAY: "Friday",
    Schedule.Weekday.SATURDAY: "Saturday",
    Schedule.Weekday.SUNDAY: "Sunday",
}


def organization_jsonld(organization: Organization, request: HttpRequest) -> dict:
    """Uses only the prefetched `listed_services`, so it adds no queries."""
    data = jsonld.document(
        "NGO",
        name=organization.name,
        url=request.build_absolute_uri(organization.get_absolute_url()),
        description=organization.description or None,
        sameAs=organization.website or None,
        email=organization.email or None,
        identifier=organization.charity_number or None,
    )
    contact_points = []
    for service in organization.listed_services:
        if service.status in (service.Status.UNKNOWN, service.Status.REPORTED_CLOSED):
            continue  # not offered to search engines as a working contact either
        areas = [area.country or "Online" for area in service.areas.all()]
        languages = [code for code, _name in service.language_list]
        hours = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{_DAYS[schedule.weekday]}",
                "opens": f"{schedule.opens_at:%H:%M}",
                "closes": "23:59" if schedule.is_all_day else f"{schedule.closes_at:%H:%M}",
            }
            for schedule in service.schedules.all()
        ]
        for phone in service.phones.all():
            point: dict = {
                "@type": "ContactPoint",
                "name": service.display_name,
                "contactType": str(service.get_type_display()),
                "telephone": phone.number,
            }
            if phone.description:
                point["description"] = phone.description
            if areas:
                point["areaServed"] = areas
            if languages:
                point["availableLanguage"] = languages
            if hours:
                point["hoursAvailable"] = hours
            contact_points.append(point)
    if contact_points:
        data["contactPoint"] = contact_points
    return data
