from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Contributions from the public and the editors' queue.

    Infrastructure: the kinds of contribution are registered by the apps that
    own them (see kinds.py); moderation registers only corrections, which any
    Correctable page accepts.
    """

    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from . import kinds
        from .forms import CorrectionForm

        kinds.register(
            kinds.ContributionKind(
                key=kinds.CORRECTION,
                label=_("Correction"),
                description=_("Something on the site that is wrong or out of date."),
                form_class=CorrectionForm,
                preview_template="moderation/contributions/correction.html",
                public=False,
                position=1000,
            )
        )
