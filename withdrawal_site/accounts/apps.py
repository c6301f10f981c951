from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in for volunteer editors and admins, and their groups."""

    name = "withdrawal_site.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import middleware, signals, throttle

        user_login_failed.connect(throttle.on_login_failed, dispatch_uid="accounts.throttle.failed")
        user_logged_in.connect(throttle.on_logged_in, dispatch_uid="accounts.throttle.logged_in")
        user_logged_in.connect(middleware.on_logged_in, dispatch_uid="accounts.session_clock")
        signals.connect()

        from withdrawal_site import security  # registers the deployment checks

        security.log_deployment_warnings()
