from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError

from . import throttle
from .forms import LoginForm


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


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"
