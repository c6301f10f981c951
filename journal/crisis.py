"""The crisis numbers the journal opens with after a very hard day.

The same data and the same visitor's country as the crisis page
(charities.crisis_snapshot and withdrawal_site.visitor_country), read from the
snapshot, so the prompt costs no query and still shows when the database is
slow. One place decides; there is no second copy of the crisis lines here.
"""

from django.http import HttpRequest

from charities import crisis_snapshot


def crisis_context(request: HttpRequest) -> dict:
    """What includes/crisis_numbers.html needs: the visitor's country first, then the others."""
    return crisis_snapshot.outage_context(request)
