from django.conf import settings


def site(request):
    """What the base layout needs on every page, without a database query."""
    return {
        "show_first_visit_notice": settings.NOTICE_COOKIE_NAME not in request.COOKIES,
    }
