"""Withdrawal Commons settings: one module, configured only by environment variables.

Every variable is documented in `.env.example` and the README. Defaults are safe
for production (debug off, HTTPS on); `make run` switches debug on explicitly.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    # Versions of medical reference data and the directory, viewable and revertible in the admin.
    "simple_history",
    # Country codes and their translated names (the directory, the crisis page).
    "django_countries",
    # Two-factor sign-in for staff (TOTP apps, and one-time recovery codes).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "withdrawal_site",
    "withdrawal_site.disclaimers",
    "withdrawal_site.accounts",
    "withdrawal_site.search",
    # Drug classes and tags, shared by the content apps below so none imports another.
    "taxonomy",
    "resources",
    "articles",
    "charities",
    "moderation",
    "journal",
    # Editors' content reviews: due list, "reviewed, no change", append-only log.
    "reviews",
]

# django-countries names the US "United States of America"; the crisis page uses the name people say.
COUNTRIES_OVERRIDE = {"US": gettext_lazy("United States")}

MIDDLEWARE = [
    "withdrawal_site.security.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "withdrawal_site.middleware.PermissionsPolicyMiddleware",
    # Page cache: after the security, static and CSP/Permissions-Policy headers (a
    # cached page still gets them), before the database check, sessions, locale,
    # CSRF and auth (a hit costs none of them). See withdrawal_site/page_cache.py.
    "withdrawal_site.page_cache.PageCacheMiddleware",
    "withdrawal_site.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "withdrawal_site.locale_middleware.SiteLocaleMiddleware",  # LocaleMiddleware + one-address pages
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "withdrawal_site.accounts.middleware.StaffSessionMiddleware",
    # After auth, so every version records who made it (also phones saved in admin inlines).
    # Page-cache hits never reach it: only anonymous reads are cached.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "withdrawal_site.urls"
WSGI_APPLICATION = "withdrawal_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "withdrawal_site.context_processors.site",
                "withdrawal_site.context_processors.languages",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    },
]

# Database: a SQLite file inside the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Reliability: timeouts on every dependency (see gunicorn.conf.py for the budget) ---
# A stalled dependency costs a request a bounded time, never a worker forever.
# Web requests: 3 s to connect, 5 s per statement (the server enforces it; for a
# partition, where the server never hears us, withdrawal_site/db.py gives up one
# second later on the client side). Management commands (migrate, imports, purges)
# get DATABASE_COMMAND_STATEMENT_TIMEOUT instead (default 300 s; 0 = no limit).
_RUNNING_COMMAND = (
    Path(sys.argv[0]).name == "manage.py" and len(sys.argv) > 1 and sys.argv[1] not in {"runserver"}
)
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = float(
    os.environ.get("DATABASE_COMMAND_STATEMENT_TIMEOUT", "300")
    if _RUNNING_COMMAND
    else os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5")
)
# After a client-side timeout, new connections fail at once for this long (per process).
DATABASE_RETRY_AFTER = float(os.environ.get("DATABASE_RETRY_AFTER", "2"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DATABASE_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}",
        }
    )
# --- end reliability: database timeouts ---

# Cache: Redis when REDIS_URL is set, so rate limits and login throttling hold
# across every gunicorn worker and app server; per-process memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis is optional at run time: withdrawal_site/cache.py serves pages without it
# (reads miss, writes are skipped) and skips it for REDIS_RETRY_AFTER seconds after
# a failure; only add()/incr(), which the rate limits rely on, raise.
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "withdrawal_site.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wc",
            "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_AFTER", "2")),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT,
                "socket_timeout": REDIS_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Every sign-in path (ours and the admin's) is throttled in the backend.
AUTHENTICATION_BACKENDS = ["withdrawal_site.accounts.throttle.ThrottledModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
# Failed sign-ins allowed within LOGIN_THROTTLE_WINDOW seconds: per username, and
# (higher, since colleagues may share an address) per client.
LOGIN_THROTTLE_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_ATTEMPTS", "5"))
LOGIN_THROTTLE_CLIENT_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_CLIENT_ATTEMPTS", "20"))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("LOGIN_THROTTLE_WINDOW", "900"))

# --- Staff sign-in security (accounts app) ---------------------------------
# Failures against one username from all clients are never refused (no
# malicious lockout); at this many in a window a security event is logged.
LOGIN_THROTTLE_USERNAME_ALERT = int(os.environ.get("LOGIN_THROTTLE_USERNAME_ALERT", "50"))
# Staff sessions end after this much inactivity, and this long after sign-in
# whatever happens. Readers never get a session at all.
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
STAFF_SESSION_ABSOLUTE_SECONDS = int(os.environ.get("STAFF_SESSION_ABSOLUTE_SECONDS", str(12 * 60 * 60)))
SESSION_COOKIE_AGE = STAFF_SESSION_ABSOLUTE_SECONDS
# Two-factor: the issuer name shown in authenticator apps; paths where a staff
# session must have passed its second factor.
OTP_TOTP_ISSUER = "Withdrawal Commons"
OTP_REQUIRED_PATH_PREFIXES = ("/admin/", "/moderation/")
OTP_RECOVERY_CODE_COUNT = 10
# --- end staff sign-in security --------------------------------------------

# Internationalisation: English first; Spanish and Polish are next.
LANGUAGE_CODE = "en"
LOCALE_PATHS = [BASE_DIR / "locale"]
# --- languages (issue 15) --------------------------------------------------
# Only complete, compiled catalogues are offered (withdrawal_site/languages.py),
# so <html lang> always matches the words shown. English is at the root, the
# others under /es/ and /pl/ (i18n_patterns in urls.py).
from withdrawal_site.languages import ALL_LANGUAGES, offered_languages  # noqa: E402

LANGUAGES = offered_languages(LOCALE_PATHS)
# Content can be written in any language being translated, offered or not yet;
# model choices use this fixed list so migrations never follow the catalogues.
CONTENT_LANGUAGES = [(code, name) for code, name in ALL_LANGUAGES]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Numbers in the local form ("12,5 mg" in Spanish and Polish), never grouped:
# a grouped "1.000" is a thousand in Spanish and one in English.
USE_THOUSAND_SEPARATOR = False
# Dates by name in templates (|date:"DATE_FORMAT"), each language's own form.
FORMAT_MODULE_PATH = ["withdrawal_site.formats"]
# --- end languages ----------------------------------------------------------
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# Static files: whitenoise serves them, compressed and with hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: printed to the console unless an SMTP host is configured.
_smtp_host = os.environ.get("EMAIL_HOST", "")
if _smtp_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp_host,
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": float(os.environ.get("EMAIL_TIMEOUT", "5")),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Withdrawal Commons <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (Django's own framework). Immediate by default: a send runs
# in the request, after the transaction commits.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# Security. Every script and style is a static file, so the policy needs no
# nonce and no 'unsafe-inline' (and cached pages never carry a stale nonce).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers and container health checks probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# Over HTTPS with no cookie domain, the __Host- prefix makes browsers refuse a
# cookie set by a sibling subdomain or over plain HTTP.
if not DEBUG:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
# DJANGO_BEHIND_PROXY: how many reverse proxies stand in front of the app
# (0 or off: none; on/true: one; or a number). The client address is taken
# that many hops from the right of X-Forwarded-For (withdrawal_site.security).
_behind_proxy = os.environ.get("DJANGO_BEHIND_PROXY", "").strip().lower()
if _behind_proxy in {"", "0", "false", "no", "off"}:
    TRUSTED_PROXY_COUNT = 0
elif _behind_proxy in {"true", "yes", "on"}:
    TRUSTED_PROXY_COUNT = 1
elif _behind_proxy.isdigit():
    TRUSTED_PROXY_COUNT = int(_behind_proxy)
else:
    raise ImproperlyConfigured("DJANGO_BEHIND_PROXY must be off, on, or the number of trusted proxies.")
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The first-visit notice is remembered by this cookie for a year.
NOTICE_COOKIE_NAME = "wc_notice_seen"
NOTICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

# Page cache (withdrawal_site/page_cache.py): whole anonymous pages in the shared
# cache. PAGE_CACHE_SECONDS is only a safety net (changes invalidate at once);
# PAGE_CACHE_BROWSER_SECONDS is the max-age a browser or proxy may keep a page;
# bump PAGE_CACHE_VERSION to drop every cached page on a deploy.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
PAGE_CACHE_VERSION = os.environ.get("PAGE_CACHE_VERSION", "")

# Keyed hash secret for client addresses (rate limits); separate from SECRET_KEY
# so it can be rotated on its own.
CLIENT_HASH_KEY = os.environ.get("CLIENT_HASH_KEY", SECRET_KEY)

# --- Reliability: logs and error reporting, with no personal data ---
# DJANGO_LOG_FORMAT=json gives one JSON object a line (extra fields included) for a
# log shipper; text otherwise. Both redact status references, journal secrets and
# email addresses (withdrawal_site/observability.py).
from withdrawal_site.observability import logging_config  # noqa: E402

LOGGING = logging_config(
    log_format=os.environ.get("DJANGO_LOG_FORMAT", "text"),
    level=os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
)
# Optional error reporting: set SENTRY_DSN. No request bodies, cookies, local
# variables or client addresses are sent, and every event is scrubbed.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from withdrawal_site.observability import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", ""),
        release=os.environ.get("SENTRY_RELEASE", ""),
    )
# --- end reliability: logs ---

# ---- Crisis page snapshot (charities) ----
# Where the crisis lines are copied, on every admin change, for the crisis and outage pages to
# read when the database is unreachable (the shared cache holds a copy too). Must be writable.
CRISIS_SNAPSHOT_PATH = Path(
    os.environ.get("CRISIS_SNAPSHOT_PATH") or BASE_DIR / "var" / "crisis_snapshot.json"
)
