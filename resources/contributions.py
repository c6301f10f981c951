"""What the public may contribute to this app: tips, experiences and resource links.

Each kind is registered with moderation from `ResourcesConfig.ready()`; its form
holds the proposed content, `services.py` publishes it once approved, and its
preview template lives in `templates/resources/contributions/`.
"""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from moderation.forms import (
    BODY_MAX,
    LIST_TEXT_MAX,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    ContentForm,
    split_list,
    text_field,
    url_field,
    validate_list_length,
)
from moderation.kinds import ContributionKind
from taxonomy.forms import drug_classes_field

from . import services
from .models import ResourceLink


class TipForm(ContentForm):
    markdown_fields = ("body",)

    title = text_field(_("Title"), TITLE_MAX, help_text=_("A few words that sum up the tip."))
    body = text_field(
        _("Your tip"),
        BODY_MAX,
        long=True,
        help_text=_("What helped you, in your own words. You can use Markdown. Please do not name people."),
    )
    drug_classes = drug_classes_field()
    drug_class_fields = ("drug_classes",)


class ExperienceForm(ContentForm):
    markdown_fields = ("body",)

    title = text_field(_("Title"), TITLE_MAX)
    body = text_field(
        _("Your experience"),
        BODY_MAX,
        long=True,
        help_text=_("What happened, how long it took, what helped. You can use Markdown."),
    )
    drugs = forms.CharField(
        label=_("Drugs"),
        max_length=LIST_TEXT_MAX,
        required=False,
        help_text=_("The drugs you came off, separated by commas, for example: sertraline, diazepam."),
    )
    list_fields = ("drugs",)

    def clean_drugs(self) -> list[str]:
        slugs = [slug for slug in (slugify(name) for name in split_list(self.cleaned_data["drugs"])) if slug]
        validate_list_length(slugs)
        return list(dict.fromkeys(slugs))


class ResourceForm(ContentForm):
    markdown_fields = ("description",)

    title = text_field(_("Name of the resource"), TITLE_MAX)
    url = url_field(_("Web address"))
    description = text_field(
        _("What it is and why it helps"), SHORT_TEXT_MAX, long=True, help_text=_("You can use Markdown.")
    )
    kind = forms.ChoiceField(label=_("Type of resource"), choices=ResourceLink.Kind.choices)
    drug_classes = drug_classes_field()
    drug_class_fields = ("drug_classes",)


KINDS = (
    ContributionKind(
        key="tip",
        label=_("Tip"),
        description=_("Something practical that helped you through withdrawal symptoms or a taper."),
        form_class=TipForm,
        publish=services.publish_tip_submission,
        markdown_fields=TipForm.markdown_fields,
        preview_template="resources/contributions/tip.html",
        position=10,
    ),
    ContributionKind(
        key="experience",
        label=_("Experience"),
        description=_(
            "Your story of reducing or coming off a drug: what happened, how long it took, what helped."
        ),
        form_class=ExperienceForm,
        publish=services.publish_experience_submission,
        markdown_fields=ExperienceForm.markdown_fields,
        preview_template="resources/contributions/experience.html",
        position=20,
    ),
    ContributionKind(
        key="resource",
        label=_("Resource link"),
        description=_("A website, forum, group, book or study that others may find useful."),
        form_class=ResourceForm,
        publish=services.publish_resource_submission,
        markdown_fields=ResourceForm.markdown_fields,
        preview_template="resources/contributions/resource.html",
        position=30,
    ),
)
