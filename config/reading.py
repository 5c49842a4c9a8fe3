"""Settings of a `canbo` command that only reads the province and prints (`canbo review` and the
like, `canbo/__main__.py`): canbo's settings without the apps that only the web serves. The admin,
the sign-in lockout, the second factor, the content security policy, static files and messages
have no part in such a command (no canbo model refers to theirs, and a command builds no request
handler), yet setting them up cost about 45 ms of a command's start-up, a seventh of it."""

from config.settings import *  # noqa: F403 (these settings are canbo's, less the apps below)
from config.settings import INSTALLED_APPS

WEB_ONLY_APPS = {
    "canbo.accounts.admin_config.AdminConfig",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.staticfiles",
    "django.contrib.messages",
}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WEB_ONLY_APPS]
# Django's default logging sends errors by mail through a handler that loads its debug pages and
# template engine (about 14 ms); a reading command configures canbo's `LOGGING` alone
# (`canbo/__main__.py`).
LOGGING_CONFIG = None
