from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-in attempts. Please wait %(minutes)s minutes and try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django autofocuses the username. On a phone that scrolls the page past
        # the header (and its crisis link) and past the first-visit notice.
        self.fields["username"].widget.attrs.pop("autofocus", None)


class OneTimeCodeForm(forms.Form):
    """A six-digit code from the authenticator app (or, when verifying, a recovery code)."""

    token = forms.CharField(
        label=_("Code"),
        max_length=40,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )
