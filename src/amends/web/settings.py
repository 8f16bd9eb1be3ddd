"""Django settings, read from the environment with loud failures.

Every setting a deployer may change is listed in ``ENVIRONMENT`` with its help text, and
docs/configuration.md is checked against it by a test.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from amends.paths import data_dir, make_private, secret_key
from amends.web.security.proxies import parse_networks

ENVIRONMENT = {
    "AMENDS_HOME": (
        "Data directory: the SQLite database, the secret key and exports. Default: the platform's user-data dir."
    ),
    "DATABASE_URL": "postgresql://user:pass@host:port/db to use PostgreSQL instead of the embedded SQLite.",
    "AMENDS_DEBUG": "1 to show Django's debug pages. Never in production.",
    "AMENDS_ALLOWED_HOSTS": "Comma-separated host names the app answers to. Default: localhost,127.0.0.1.",
    "AMENDS_SECURE": "1 behind TLS: secure cookies, HSTS and SSL redirect.",
    "AMENDS_TRUSTED_PROXIES": (
        "Comma-separated addresses or networks (CIDR) of the reverse proxies in front of the app, e.g. 127.0.0.1. "
        "Only requests from these may set X-Forwarded-For (the client address used by sign-in and sign-up "
        "throttling) and X-Forwarded-Proto (https). Default: none, so REMOTE_ADDR is the client."
    ),
    "AMENDS_SESSION_IDLE_MINUTES": "Sign a user out after this many idle minutes. Default: 120.",
    "AMENDS_SECRET_KEY": "Secret key; by default one is generated in AMENDS_HOME with mode 0600.",
}


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


BASE_DIR = Path(__file__).resolve().parent
HOME = data_dir()
DEBUG = _env_bool("AMENDS_DEBUG")
SECRET_KEY = os.environ.get("AMENDS_SECRET_KEY") or secret_key(HOME)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("AMENDS_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()
]
if "testserver" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append("testserver")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "amends.web.accounts",
    "amends.web.repairs",
    "amends.web.partners",
    "amends.web.security",
    "amends.web.trust",
    "amends.web.safety_web",
    "amends.web.reminders",
    "amends.web.recovery",
    "amends.web.conversations",
    "amends.web.waiting",
    "amends.web.incidents",
]

MIDDLEWARE = [
    "amends.web.security.proxies.TrustedProxyMiddleware",
    "amends.web.middleware.ForgetAfterRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "amends.web.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "amends.web.middleware.SessionRefreshMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "amends.web.security.middleware.LoginThrottleMiddleware",
    "amends.web.security.middleware.AppLockMiddleware",
    "amends.web.middleware.CouplePauseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "amends.web.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "amends.web.urls"
WSGI_APPLICATION = "amends.web.wsgi.application"

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
                "amends.web.context.site",
            ],
            "builtins": ["amends.web.templatetags.amends_tags"],
        },
    }
]


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        if not url.startswith(("postgres://", "postgresql://")):
            raise ImproperlyConfigured("DATABASE_URL must be a postgresql:// URL; leave it unset for SQLite.")
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        # Created 0600 before SQLite opens it: SQLite would make it 0644 and trust the folder's mode.
        "NAME": make_private(HOME / "amends.sqlite3"),
        "OPTIONS": {
            # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock up
            # front so concurrent writers wait (busy timeout) instead of failing mid-transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
        # A file, not memory, so tests see the same WAL and locking behaviour as users do.
        "TEST": {"NAME": str(HOME / "test.sqlite3")},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule for passwords: Django calls each validator's password_changed hook on a change.
    {"NAME": "amends.web.security.tokens.RevokeTokensOnPasswordChange"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = _env_int("AMENDS_SESSION_IDLE_MINUTES", 120) * 60
SESSION_SAVE_EVERY_REQUEST = False  # SessionRefreshMiddleware slides the expiry, at most once a minute
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE = _env_bool("AMENDS_SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
# Load balancers probe each app host over plain HTTP; the probes carry no user data.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
# X-Forwarded-Proto is believed only from AMENDS_TRUSTED_PROXIES, by amends.web.security.proxies, which sets the
# request's scheme itself; Django's own setting would believe it from anyone.
SECURE_PROXY_SSL_HEADER = None
TRUSTED_PROXIES = parse_networks(os.environ.get("AMENDS_TRUSTED_PROXIES", ""))
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin: other sites get no Referer, and our own form posts carry their Origin and Referer,
# which Django's CSRF check needs over HTTPS (no-referrer made Chromium send "Origin: null").
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # serve straight from the package: no collectstatic step for a local app
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024  # request bodies: a 20,000-character text fits many times over

# No user text in logs: only the request line and status are logged, never bodies.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
