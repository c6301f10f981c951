from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Service
from .validation import LANGUAGE_CODE_RE, is_country_code, normalise_country, normalise_language_code

TRUE_VALUES = ("1", "on", "true", "yes")


class DirectoryFilterForm(forms.Form):
    """The GET filters of /support/. An invalid value is reported and ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *Service.Type.choices]
    )
    drug_class = forms.SlugField(label=_("Drug class"), required=False, max_length=100)
    language = forms.CharField(label=_("Language"), required=False, max_length=10)
    open_now = forms.CharField(label=_("Open now"), required=False, max_length=5)

    def __init__(self, *args, drug_class_slugs: set[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.drug_class_slugs = drug_class_slugs

    def clean_country(self) -> str:
        code = normalise_country(self.cleaned_data["country"])
        if code and not is_country_code(code):
            raise forms.ValidationError(_("We do not know that country code; showing every country."))
        return code

    def clean_drug_class(self) -> str:
        slug = self.cleaned_data["drug_class"]
        if slug and slug not in self.drug_class_slugs:
            raise forms.ValidationError(_("We do not know that drug class; showing all."))
        return slug

    def clean_language(self) -> str:
        code = normalise_language_code(self.cleaned_data["language"])
        if code and not LANGUAGE_CODE_RE.match(code):
            raise forms.ValidationError(_("We do not know that language; showing all."))
        return code

    def clean_open_now(self) -> bool:
        value = self.cleaned_data["open_now"].strip().lower()
        if value and value not in TRUE_VALUES:
            raise forms.ValidationError(_("Tick the box to see only services open now."))
        return bool(value)

    def valid_filters(self) -> dict:
        """Every filter that parsed, even when another one did not."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
