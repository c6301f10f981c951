"""The base of every contribution form, plus the checks every public form shares.

A content form (`ContentForm`; each content app defines its own in
`<app>/contributions.py` and names it in its kind) holds only the proposed
content and turns it into the JSON stored on the submission (`to_data`). Editors edit with
the content form alone; the public gets it combined with
`ContributorFieldsForm`: pseudonym, email, the terms tick-box and the quiet
spam checks (a honeypot field and a signed start time).
"""

import hashlib
import secrets
import time
from functools import cache

from django import forms
from django.core import signing
from django.core.validators import URLValidator
from django.db import models
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from withdrawal_site.markdown import validate_markdown

from . import conf, kinds
from .targets import model_field, normalise_text, strip_control_characters
from .tasks import retention_sentence

TITLE_MAX = 200
BODY_MAX = 20_000
SHORT_TEXT_MAX = 2_000
LIST_TEXT_MAX = 500
LIST_ITEMS_MAX = 20
URL_MAX = 500

FORM_TOKEN_SALT = "moderation.contribution-form.started"
HONEYPOT_FIELD = "website_url_confirm"
CONTRIBUTOR_FIELD_NAMES = ("pseudonym", "email", "agree_terms", HONEYPOT_FIELD, "started")

web_url_validator = URLValidator(schemes=["http", "https"])


def new_form_token(started_at: float | None = None) -> str:
    """A signed note of when the form was shown, with a random nonce.

    A script cannot forge or backdate it; the nonce makes each token unique, so
    it doubles as the idempotency key of the submission it ends up in.
    """
    return signing.dumps(
        {"t": time.time() if started_at is None else started_at, "n": secrets.token_urlsafe(16)},
        salt=FORM_TOKEN_SALT,
    )


def _token_payload(token: str) -> dict | None:
    try:
        payload = signing.loads(token or "", salt=FORM_TOKEN_SALT)
        float(payload["t"])
        if not isinstance(payload["n"], str) or not payload["n"]:
            return None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return payload


def form_token_age(token: str) -> float | None:
    """Seconds since the form was shown, or None when the token is missing or tampered with."""
    payload = _token_payload(token)
    return None if payload is None else time.time() - float(payload["t"])


def form_token_key(token: str) -> str | None:
    """The idempotency key of a valid token: a hash of its nonce (the token itself is never stored)."""
    payload = _token_payload(token)
    if payload is None:
        return None
    return hashlib.sha256(f"{FORM_TOKEN_SALT}:{payload['n']}".encode()).hexdigest()


def split_list(value: str) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def text_field(label, max_length: int, *, required: bool = True, long: bool = False, help_text="", rows=None):
    widget = (
        forms.Textarea(attrs={"rows": rows or (12 if max_length > SHORT_TEXT_MAX else 4)}) if long else None
    )
    return forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text, widget=widget
    )


def url_field(label, *, required: bool = True, help_text=""):
    return forms.URLField(
        label=label,
        max_length=URL_MAX,
        required=required,
        help_text=help_text,
        assume_scheme="https",
        validators=[web_url_validator],
    )


# The one wording of how long an email address is kept (see moderation.tasks.retention_sentence).
RETENTION = lazy(retention_sentence, str)()


class SlugChoicesField(forms.ModelMultipleChoiceField):
    """Tick-boxes of rows stored by slug (drug classes, say): the content app gives the queryset."""

    def __init__(self, *, queryset, label, too_many_message, **kwargs):
        self.too_many_message = too_many_message
        super().__init__(
            queryset=queryset,
            to_field_name="slug",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=label,
            **kwargs,
        )

    def clean(self, value):
        if value and len(value) > LIST_ITEMS_MAX:
            raise forms.ValidationError(self.too_many_message, code="too_many")
        return super().clean(value)


def validate_list_length(items: list[str]) -> None:
    if len(items) > LIST_ITEMS_MAX:
        raise forms.ValidationError(
            _("Please list at most %(count)d items."), code="too_many", params={"count": LIST_ITEMS_MAX}
        )


class ContentForm(forms.Form):
    """The proposed content of one kind; `to_data` is what the submission stores."""

    list_fields: tuple[str, ...] = ()  # stored as lists, edited as comma-separated text
    # SlugChoicesFields: stored as a sorted list of slugs.
    drug_class_fields: tuple[str, ...] = ()
    # Rendered as Markdown once published: refused here if they cannot be rendered within bounds.
    markdown_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned_data = super().clean()
        for name in self.markdown_fields:
            value = cleaned_data.get(name)
            if isinstance(value, str) and value:
                try:
                    validate_markdown(normalise_text(value))
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned_data

    def to_data(self) -> dict:
        data = {}
        for name in self.fields:
            if name in CONTRIBUTOR_FIELD_NAMES:
                continue
            value = self.cleaned_data.get(name)
            if name in self.drug_class_fields:
                value = sorted(drug_class.slug for drug_class in (value or []))
            elif isinstance(value, str):
                value = normalise_text(value)
            data[name] = value
        return data

    @classmethod
    def initial_from_data(cls, data: dict) -> dict:
        initial = dict(data)
        for name in cls.list_fields:
            initial[name] = ", ".join(data.get(name) or [])
        return initial


class CorrectionForm(ContentForm):
    """One field per correctable field of the target, prefilled; only changed values are kept."""

    note = text_field(
        _("What is wrong, and how do you know?"),
        SHORT_TEXT_MAX,
        long=True,
        help_text=_("A source helps the editors check it."),
    )

    FIELD_PREFIX = "field_"

    def __init__(self, *args, target, proposed: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.current = {
            name: (label, normalise_text(value))
            for name, (label, value) in target.correctable_fields().items()
        }
        proposals = {}
        for name, (label, current) in self.current.items():
            field = model_field(target, name)
            initial = (proposed or {}).get(name, current)
            if field is not None and field.choices:
                # Labels to choose from ("Antidepressants"), never the stored values.
                proposals[self.FIELD_PREFIX + name] = forms.ChoiceField(
                    label=label, required=False, initial=initial, choices=field.flatchoices
                )
                continue
            # A text field is a text area even while empty: it is where the long answers go.
            long = isinstance(field, models.TextField) or "\n" in current or len(current) > 150
            proposals[self.FIELD_PREFIX + name] = forms.CharField(
                label=label,
                max_length=BODY_MAX,
                required=False,
                initial=initial,
                widget=forms.Textarea(attrs={"rows": 8}) if long else None,
            )
        self.fields = {**proposals, **self.fields}

    def clean(self):
        cleaned_data = super().clean()
        for name in self.current:
            field_name = self.FIELD_PREFIX + name
            value = normalise_text(cleaned_data.get(field_name, ""))
            if value and value != self.current[name][1]:
                try:
                    validate_markdown(value)
                except forms.ValidationError as error:
                    self.add_error(field_name, error)
        return cleaned_data

    def changes(self) -> dict[str, str]:
        result = {}
        for name, (_label, current) in self.current.items():
            proposed = normalise_text(self.cleaned_data.get(self.FIELD_PREFIX + name, ""))
            if proposed != current:
                result[name] = proposed
        return result

    def to_data(self) -> dict:
        return {
            "changes": self.changes(),
            "note": normalise_text(self.cleaned_data.get("note", "")),
            "target_label": str(self.target)[:TITLE_MAX],
        }

    @classmethod
    def initial_from_data(cls, data: dict) -> dict:
        return {"note": data.get("note", "")}


class ContributorFieldsForm(forms.Form):
    """Who is sending (optional), the terms, and the spam checks every public form shares."""

    pseudonym = forms.CharField(
        label=_("Name to show (optional)"),
        max_length=100,
        required=False,
        help_text=_("A first name or a pseudonym. Leave it empty to appear as “Anonymous”."),
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        max_length=254,
        required=False,
        help_text=format_lazy(
            "{} {}", _("Only to tell you that a decision was made. Never shown, never shared."), RETENTION
        ),
    )
    agree_terms = forms.BooleanField(
        label=_("I agree to the contribution terms"),
        required=True,
        error_messages={"required": _("Please tick the box to agree to the contribution terms.")},
    )
    website_url_confirm = forms.CharField(
        label=_("Leave this field empty"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = new_form_token()

    def clean_pseudonym(self) -> str:
        return " ".join(strip_control_characters(self.cleaned_data["pseudonym"]).split())

    @property
    def idempotency_key(self) -> str | None:
        """Set once the form was sent with a valid token: the key its submission is stored under."""
        return form_token_key(self.data.get(self.add_prefix("started"), ""))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            self.add_error(
                None,
                _(
                    "The field labelled “Leave this field empty” must stay empty. "
                    "If you filled it in by mistake, clear it and send the form again."
                ),
            )
        self._check_time_taken()
        return cleaned_data

    def _check_time_taken(self) -> None:
        age = form_token_age(self.data.get(self.add_prefix("started"), ""))
        if age is None or age > conf.get("MAX_FORM_AGE_SECONDS"):
            self.add_error(
                None,
                _(
                    "This form could not be checked: it may have been open for a long time. "
                    "Your text is kept below; please send it again."
                ),
            )
            self._renew_token()
        elif age < conf.get("MIN_FILL_SECONDS"):
            self.add_error(
                None,
                _(
                    "That was very quick, so we could not tell it from an automatic submission. "
                    "Please check your text and send it again."
                ),
            )

    def _renew_token(self) -> None:
        # The re-rendered form carries a fresh start time, so sending it again works.
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = new_form_token()


def public_form_class(kind: str) -> type[forms.Form]:
    """The content form of `kind` with the contributor's fields and spam checks after it."""
    return _public_form_class(kinds.get(kind).form_class)


@cache
def _public_form_class(content_form: type[ContentForm]) -> type[forms.Form]:
    return type(f"Public{content_form.__name__}", (ContributorFieldsForm, content_form), {})


class DecisionForm(forms.Form):
    ACTIONS = ("approve", "reject", "request_changes", "spam")

    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    # The revision of the content the editor was shown: a newer one is not decided unseen.
    revision = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    public_note = forms.CharField(
        label=_("Note to the contributor (shown on their status page)"),
        max_length=SHORT_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    internal_note = forms.CharField(
        label=_("Note for editors (never shown publicly)"),
        max_length=SHORT_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("action") == "request_changes" and not cleaned_data.get("public_note"):
            self.add_error("public_note", _("Tell the contributor what to change."))
        return cleaned_data
