from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    """Editors' content reviews: the due list, "reviewed, no change", and its append-only log.

    A small app of its own, so that moderation (submissions from the public) and
    content review (editors re-checking published pages) can change independently.
    """

    name = "reviews"
    verbose_name = _("Content reviews")
    default_auto_field = "django.db.models.BigAutoField"
