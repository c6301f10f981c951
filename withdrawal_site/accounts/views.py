from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError

from withdrawal_site import ratelimit

from .forms import LoginForm

SCOPE = "login"


class LoginView(auth_views.LoginView):
    """Sign-in that slows down password guessing, per username and per client."""

    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def _identities(self, form) -> list[str]:
        username = (form.data.get("username") or "").strip().lower()
        return [f"user:{username}", f"client:{ratelimit.client_hash(self.request)}"]

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        limit = settings.LOGIN_THROTTLE_ATTEMPTS
        if any(ratelimit.is_limited(scope=SCOPE, identity=i, limit=limit) for i in self._identities(form)):
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

    def form_invalid(self, form):
        for identity in self._identities(form):
            ratelimit.record_hit(
                scope=SCOPE, identity=identity, window_seconds=settings.LOGIN_THROTTLE_WINDOW
            )
        return super().form_invalid(form)

    def form_valid(self, form):
        ratelimit.reset(scope=SCOPE, identity=self._identities(form)[0])
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"
