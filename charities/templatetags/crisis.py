"""`{% visitor_emergency as emergency %}`: the emergency number for the visitor's country.

For the "get medical help now" signs on drug pages, the planner and the crisis
page. Reads the crisis snapshot (cache, file or bundled copy), never the
database, so it adds no query to any page and works during an outage.
"""

from dataclasses import dataclass

from django import template

from charities import crisis_snapshot
from withdrawal_site.visitor_country import visitor_country

register = template.Library()

# National health lines for advice that is urgent but not an emergency, where we know them.
HEALTH_LINES = {"GB": ("111", "NHS 111")}


@dataclass(frozen=True)
class VisitorEmergency:
    country: crisis_snapshot.CountryCrisis | None
    countries: tuple[crisis_snapshot.CountryCrisis, ...]

    @property
    def number(self) -> crisis_snapshot.EmergencyNumber | None:
        return self.country.first_emergency if self.country else None

    @property
    def health_line(self) -> tuple[str, str] | None:
        """(number, name) of the national health line, e.g. ("111", "NHS 111")."""
        return HEALTH_LINES.get(self.country.code) if self.country else None

    @property
    def each_country(self) -> list[tuple[str, crisis_snapshot.EmergencyNumber]]:
        """(country name, first emergency number) for every country, when we do not know the visitor's."""
        return [
            (country.name, country.first_emergency) for country in self.countries if country.first_emergency
        ]


@register.simple_tag(takes_context=True)
def visitor_emergency(context) -> VisitorEmergency:
    visitor = context.get("crisis_visitor")
    countries = context.get("crisis_countries")
    if countries is None:
        parsed = crisis_snapshot.parse(crisis_snapshot.stored())
        countries = [country for code, country in parsed.items() if code != crisis_snapshot.INTERNATIONAL]
        request = context.get("request")
        code = visitor_country(request, crisis_snapshot.supported(parsed)) if request is not None else None
        visitor = parsed.get(code) if code else None
    return VisitorEmergency(country=visitor, countries=tuple(countries))


@register.simple_tag
def urgent_help_signs() -> dict:
    from charities import urgent_help

    return {"signs": urgent_help.SIGNS, "sources": urgent_help.sources()}
