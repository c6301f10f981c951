"""New directory listings from the public, registered with moderation from `CharitiesConfig.ready()`.

The directory owns its listing form and its validation, and says how a
correction to a listing is applied and who may approve which change (a wrong
phone number sends a frightened person to the wrong place).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from moderation.forms import (
    LIST_TEXT_MAX,
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
from .models import Organization, Service
from .validation import (
    normalise_country,
    normalise_language_code,
    validate_country_code,
    validate_language_codes,
)


class ListingForm(ContentForm):
    name = text_field(_("Name of the organisation or service"), TITLE_MAX)
    description = text_field(
        _("What they offer"), 5_000, long=True, help_text=_("Who it is for and how to get in touch.")
    )
    service_type = forms.ChoiceField(label=_("Type of service"), choices=Service.Type.choices)
    website = url_field(_("Website"), required=False)
    # Not `email`: that name is the contributor's own address on the public form.
    contact_email = forms.EmailField(label=_("Their email address"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=50, required=False)
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        min_length=2,
        help_text=_("Two-letter country code, for example GB, US, ES, PL."),
    )
    area_description = forms.CharField(
        label=_("Area served"),
        max_length=LIST_TEXT_MAX,
        required=False,
        help_text=_("For example: the whole country, online only, or a city."),
    )
    drug_classes = drug_classes_field()
    languages = forms.CharField(
        label=_("Languages"),
        max_length=LIST_TEXT_MAX,
        required=False,
        help_text=_("Language codes separated by commas, for example: en, es."),
    )
    list_fields = ("languages",)
    drug_class_fields = ("drug_classes",)

    def clean_country(self) -> str:
        country = normalise_country(self.cleaned_data["country"])
        validate_country_code(country)
        return country

    def clean_languages(self) -> list[str]:
        validate_language_codes(split_list(self.cleaned_data["languages"]))
        codes = [normalise_language_code(code) for code in split_list(self.cleaned_data["languages"])]
        validate_list_length(codes)
        return list(dict.fromkeys(codes))


KINDS = (
    ContributionKind(
        key="listing",
        label=_("New directory listing"),
        description=_("A charity, helpline, peer group or service missing from the support directory."),
        form_class=ListingForm,
        publish=services.publish_listing_submission,
        # A listing's description is plain text on its page, so it is previewed as such.
        markdown_fields=(),
        preview_template="charities/contributions/listing.html",
        position=50,
        model=Organization,
        correctable_fields=services.SERVICE_CORRECTABLE_FIELDS,
        field_permissions=services.CONTACT_FIELD_PERMISSIONS,
        apply_correction=services.apply_listing_correction,
        correction_refusal=services.correction_refusal,
        correction_notice=services.correction_notice,
    ),
)
