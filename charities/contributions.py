"""New directory listings from the public, registered with moderation from `CharitiesConfig.ready()`.

The directory owns its listing form and its validation, and says how a
correction to a listing is applied and who may approve which change (a wrong
phone number sends a frightened person to the wrong place).
"""

import re

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

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


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
        country = self.cleaned_data["country"].strip().upper()
        if not COUNTRY_CODE.match(country):
            raise forms.ValidationError(_("Use the two-letter country code, for example GB."), code="country")
        return country

    def clean_languages(self) -> list[str]:
        codes = [code.lower() for code in split_list(self.cleaned_data["languages"])]
        bad = [code for code in codes if not LANGUAGE_CODE.match(code)]
        if bad:
            raise forms.ValidationError(
                _("Not a language code: %(codes)s. Use codes such as en, es, pl."),
                code="language",
                params={"codes": ", ".join(bad)},
            )
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
