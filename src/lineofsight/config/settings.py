"""Django settings, read from the environment (see README "Configuration").

The embedded default is a SQLite file under ``./var/`` (or ``LINEOFSIGHT_VAR_DIR``); set
``DATABASE_URL=postgres://...`` for PostgreSQL.  ``lineofsight.config.production`` adds the
HTTPS-only settings that ``manage.py check --deploy`` asks for.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url

from lineofsight.calendar.timescales import CSPR_PUBLICATION
from lineofsight.config.env import (
    database_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    secret_key,
)
from lineofsight.lib.private_files import start_private

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LINEOFSIGHT_VAR_DIR", Path.cwd() / "var")).resolve()
start_private(VAR_DIR)  # umask 077 and a 0700 var folder, before anything is written in it

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(os.environ, VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The address people use to reach the site, for links in emails and printed by the commands.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Email (invitations, password resets, reminders): printed on the console unless EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "line-of-sight@localhost")
# A one-time sign-in or password link works for this long (Django's PASSWORD_RESET_TIMEOUT).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_LINK_HOURS", 72, minimum=1) * 3600

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    *([] if find_spec("django.tasks") else ["django_tasks"]),  # built in from Django 6
    "django_tasks_db",
    "lineofsight.lib",
    "lineofsight.background",
    "lineofsight.govuk",
    "lineofsight.audit",
    "lineofsight.partnership",
    "lineofsight.accounts",
    "lineofsight.datasets",
    "lineofsight.performance",
    "lineofsight.actions",
    "lineofsight.reviews",
    "lineofsight.assurance",
    "lineofsight.delivery",
    "lineofsight.reports",
    "lineofsight.cdop",
    "lineofsight.governance",
    "lineofsight.lado",
    "lineofsight.reminders",
    "lineofsight.voice",
    "lineofsight.workforce",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lineofsight.govuk.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lineofsight.accounts.middleware.SlidingSessionMiddleware",  # after sessions, before auth
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lineofsight.partnership.middleware.PartnershipMiddleware",
    "lineofsight.accounts.middleware.NoStoreWhenSignedInMiddleware",
    "lineofsight.datasets.middleware.UploadSizeLimitMiddleware",  # before CSRF reads the body
    "django.middleware.csrf.CsrfViewMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "lineofsight.partnership.access.DenyByDefaultMiddleware",
    "lineofsight.accounts.middleware.TwoFactorRequiredMiddleware",
]

ROOT_URLCONF = "lineofsight.config.urls"
WSGI_APPLICATION = "lineofsight.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "lineofsight.govuk.jinja.environment",
            "context_processors": ["lineofsight.partnership.context.site"],
        },
    },
    {  # only for Django's own templates (e.g. form widgets); our pages are Jinja2
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]
FORM_RENDERER = "django.forms.renderers.DjangoTemplates"

DATABASES = {
    "default": dj_database_url.parse(
        database_url(os.environ, VAR_DIR), conn_max_age=env_int("DB_CONN_MAX_AGE", 0, minimum=0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "partnership.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Failed-login throttling (django-axes): lock a username+IP after N failures for a cool-off.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "lineofsight.accounts.views.locked_out"
AXES_VERBOSE = False

# Sessions and cookies
SESSION_COOKIE_AGE = env_int("SESSION_MINUTES", 60, minimum=5) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Idle timeout: the session is extended by a request at most once a minute (not rewritten on
# every request: accounts.middleware.SlidingSessionMiddleware).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = min(60, SESSION_COOKIE_AGE // 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Two-factor authentication (TOTP): required for roles that see child-level data when on.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", not DEBUG)
OTP_TOTP_ISSUER = "Line of Sight"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# WhiteNoise serves straight from the apps' static folders; STATIC_ROOT (for `collectstatic`) is set
# in production only, as WhiteNoise warns at every start about a STATIC_ROOT that does not exist.
STATIC_ROOT: Path | None = None
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: files bigger than this are refused before they are read (datasets app).
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 200, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Case reviews: a local child safeguarding practice review's publication target, in months from
# its initiation (Working Together: about 6 months).
REVIEW_PUBLICATION_TARGET_MONTHS = env_int(
    "REVIEW_PUBLICATION_TARGET_MONTHS", CSPR_PUBLICATION.amount, minimum=1
)

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_refusals": {"()": "lineofsight.govuk.log_filters.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "axes": {"level": "WARNING"},
        # an intended 403 is one line, not a traceback (govuk/log_filters.py)
        "django.request": {"filters": ["one_line_refusals"]},
    },
}

# Background tasks (docs/adr/0010-background-tasks.md): the database queue, run by
# `lineofsight worker`.
# TASKS_BACKEND=immediate runs each task where it is enqueued (no worker; small installations).
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend"
            if not find_spec("django.tasks")
            else "django.tasks.backends.immediate.ImmediateBackend",
        }[env_choice("TASKS_BACKEND", "database", ("database", "immediate"))],
    }
}
# A worker silent for this long is presumed dead and its running task is queued again.
TASK_WORKER_LEASE_SECONDS = env_int("TASK_WORKER_LEASE_SECONDS", 60, minimum=2)

# What `lineofsight demo` loads after the demo partnership (each: a callable taking seed=...).
DEMO_LOADERS: list[str] = [
    "lineofsight.datasets.demo.load",
    "lineofsight.performance.demo.load",
    "lineofsight.reviews.demo.load",
    "lineofsight.assurance.demo.load",
    "lineofsight.delivery.demo.load",
    "lineofsight.reports.demo.load",
    "lineofsight.cdop.demo.load",
    "lineofsight.governance.demo.load",
    "lineofsight.voice.demo.load",
    "lineofsight.lado.demo.load",
    "lineofsight.workforce.demo.load",
    "lineofsight.actions.demo.load",  # last: keeps every open action's dates current
]
SNAPSHOT_DIR = VAR_DIR / "snapshots"
