"""Senate's one settings file: everything comes from the environment, with defaults that run on a
fresh machine (SQLite in ./var). A bad value is a start-up error, not a surprise later."""

import sys
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)
TESTING = env.bool("SENATE_TESTING", default="pytest" in sys.modules)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY and (DEBUG or TESTING):
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
# Without a SECRET_KEY in production, the commands that sign nothing (`senate panels solve`,
# `senate beds assess`, `senate migrate`, ...) still run as the README writes them; the web server and
# the worker refuse to start (`senate.config.require_secret_key`).
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "rules",
    "django_tasks",
    "django_tasks_db",
    "senate.core",
    "senate.accounts",
    "senate.organisations",
    "senate.notifications",
    "senate.members",
    "senate.interests",
    "senate.recruitment",
    "senate.reviews",
    "senate.assurance",
    "senate.panels",
    "senate.evidence",
    "senate.reports",
    "senate.beds",
    "senate.council",
    "senate.programme",
    "senate.participation",
    "senate.bundles",
    "senate.national",
    "senate.statistics",
    "senate.search",
    "senate.api",
    "senate.demo",
    "django.forms",  # its widget templates, for the form renderer below
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "senate.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "senate.organisations.middleware.CurrentSenateMiddleware",
    "senate.core.middleware.LoginRequiredMiddleware",
]
if env.bool("SENATE_COUNT_QUERIES", default=False):  # the page benchmark only (bench/pages): a header per response
    MIDDLEWARE.insert(0, "senate.core.middleware.QueryCountMiddleware")

ROOT_URLCONF = "senate.config.urls"
WSGI_APPLICATION = "senate.config.wsgi.application"
ASGI_APPLICATION = "senate.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "senate.config.jinja2.environment"},
    },
    {
        # Django admin only.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]
# Widgets render through the TEMPLATES engines in order: Jinja2 for Senate's pages, Django templates
# for Django admin's own widgets (its date and time widgets have no Jinja2 template: with the Jinja2
# renderer alone, a person's page in admin was a server error).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'senate.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    # PostgreSQL: keep each process's connection for a minute (checked before reuse) rather than
    # opening one per request. DATABASE_CONN_MAX_AGE=0 opens one per request (a pooler in front).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's checks with messages in plain English (senate.accounts.passwords).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "senate.accounts.passwords.NotLikeYou", "OPTIONS": {"user_attributes": ["full_name", "email"]}},
    {"NAME": "senate.accounts.passwords.MinimumLength", "OPTIONS": {"min_length": 12}},
    {"NAME": "senate.accounts.passwords.NotCommon"},
    {"NAME": "senate.accounts.passwords.NotOnlyNumbers"},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "front:home"
LOGOUT_REDIRECT_URL = "front:home"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG and not TESTING)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A session ends after 30 minutes without a request (each request renews it).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# Readings kept until the next act (senate.core.cache), in each web process's memory. Django's
# default keeps 300 entries, fewer than one Senate's busy pages at national scale need: past it, a
# third are dropped at a time and worked out again. Each entry is a page's reading (most a few KB).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "senate-readings",
        "TIMEOUT": 15 * 60,
        "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", default=3000)},
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Production only (DEBUG off, not testing): HTTPS everywhere. Behind a TLS proxy, or on loopback HTTP
# in CI, set SECURE_SSL_REDIRECT=false; SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO trusts the
# proxy's header (only if the proxy sets it on every request).
_production = not DEBUG and not TESTING
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_production)
# A load balancer's health check may come over plain HTTP inside the network: /health/ answers it.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _production else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# Joining browsers' HSTS preload list binds the whole domain for months and is the domain owner's
# decision (for a Senate on nhs.uk, NHS England's), so it is off unless asked for; `check --deploy`'s
# reminder of it (security.W021) is silenced only while it is off.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
_proxy_ssl_header = env.str("SECURE_PROXY_SSL_HEADER", default="")
SECURE_PROXY_SSL_HEADER = (_proxy_ssl_header, "https") if _proxy_ssl_header else None
# The request header holding the client's address when a trusted proxy sets it (sign-in throttling),
# for example HTTP_X_FORWARDED_FOR; REMOTE_ADDR otherwise.
SENATE_CLIENT_IP_HEADER = env.str("SENATE_CLIENT_IP_HEADER", default="")

# Optional single sign-on through OpenID Connect, switched on by settings.
OIDC_ENABLED = env.bool("OIDC_ENABLED", default=False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("senate.accounts.oidc.SenateOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
    OIDC_CREATE_USER = env.bool("OIDC_CREATE_USER", default=False)

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# Seconds each step of an SMTP conversation may take, so a silent mail server cannot hang the worker.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Clinical Senate <senate@example.nhs.uk>")

# Files: local by default, S3-compatible in production (STORAGE=s3 and the AWS_* variables).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "build" / "assets"]
_storage = env.str("STORAGE", default="local")
if _storage not in {"local", "s3"}:
    raise ImproperlyConfigured("STORAGE must be 'local' or 's3'.")
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage"
        if _storage == "s3"
        else "django.core.files.storage.FileSystemStorage"
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if _storage == "s3":
    AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# Background work: the Django tasks API with a database-backed worker (`senate db_worker`).
TASKS = {
    "default": {
        # Tests run tasks at once; everywhere else the database-backed worker runs them.
        "BACKEND": env.str(
            "TASK_BACKEND",
            default="django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}, "django_tasks": {"level": "WARNING"}},
}

# Names of service-change steps (senate.assurance.models.Step), to rename any a region calls otherwise.
# Stage numbering after NHS England's stage 2 checkpoint is not confirmed publicly, so none is assumed.
ASSURANCE_STEP_LABELS = env.json("ASSURANCE_STEP_LABELS", default={})
