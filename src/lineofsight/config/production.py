"""Production settings: everything in ``settings`` plus HTTPS-only transport.

Use with ``DJANGO_SETTINGS_MODULE=lineofsight.config.production`` behind a TLS-terminating proxy.
Two-factor authentication cannot be switched off here (start-up fails with a clear error).
"""

import os

from lineofsight.config.env import env_int, two_factor_required_in_production
from lineofsight.config.settings import *  # noqa: F403

DEBUG = False
REQUIRE_TWO_FACTOR = two_factor_required_in_production(os.environ)
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
STATIC_ROOT = VAR_DIR / "static"  # noqa: F405 - filled by `lineofsight manage collectstatic`
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
