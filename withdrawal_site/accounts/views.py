from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device

from . import throttle, two_factor
from .forms import LoginForm, OneTimeCodeForm
from .middleware import is_staff_member
from .security_log import log_event


class LoginView(auth_views.LoginView):
    """Editors' sign-in. The throttle itself is in the backend; this explains it."""

    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if throttle.is_throttled(request, form.data.get("username")):
            form.add_error(
                None,
                ValidationError(
                    form.error_messages["throttled"],
                    code="throttled",
                    params={"minutes": max(1, settings.LOGIN_THROTTLE_WINDOW // 60)},
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        """Staff go on to their second factor, then where they were going."""
        url = super().get_success_url()
        user = self.request.user
        if not is_staff_member(user):
            return url
        step = "accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup"
        return f"{reverse(step)}?{urlencode({'next': url})}"


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


def _safe_next(request, default: str = "/") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _staff_only(request) -> None:
    if not is_staff_member(request.user):
        raise PermissionDenied


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def otp_setup(request):
    """Enrol an authenticator app. Someone with only the password cannot replace a working device."""
    _staff_only(request)
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('accounts:otp_verify')}?{urlencode({'next': _safe_next(request)})}")
    device = two_factor.pending_totp_device(user=request.user)
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_totp_device(device=device, token=form.cleaned_data["token"])
        if codes is not None:
            otp_login(request, device)
            log_event("otp_enrolled", request=request, user_id=request.user.pk)
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": _safe_next(request)}
            )
        log_event("otp_enrolment_failed", request=request, user_id=request.user.pk)
        form.add_error(
            "token", _("That code did not match. Check the time on your phone and try a new code.")
        )
    context = {
        "form": form,
        "next": _safe_next(request),
        "qr_code": two_factor.qr_code_data_uri(device),
        "secret": two_factor.secret_text(device),
        "otpauth_uri": device.config_url,
        "replacing": user_has_device(request.user),
    }
    return render(request, "accounts/otp_setup.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def otp_verify(request):
    """The second step of signing in, for a staff account that has a device."""
    _staff_only(request)
    if not user_has_device(request.user):
        return redirect(f"{reverse('accounts:otp_setup')}?{urlencode({'next': _safe_next(request)})}")
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify_second_factor(user=request.user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            log_event("otp_verified", request=request, user_id=request.user.pk, action=device.name)
            return redirect(_safe_next(request))
        log_event("otp_failed", request=request, user_id=request.user.pk)
        form.add_error("token", _("That code did not work. Wait for a new code, or use a recovery code."))
    return render(
        request,
        "accounts/otp_verify.html",
        {"form": form, "next": _safe_next(request)},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
@require_POST
def recovery_codes(request):
    """Fresh recovery codes, for a session that has passed its second factor."""
    _staff_only(request)
    if not request.user.is_verified():
        raise PermissionDenied
    codes = two_factor.replace_recovery_codes(user=request.user)
    log_event("recovery_codes_replaced", request=request, user_id=request.user.pk)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _safe_next(request)})
