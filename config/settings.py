"""canbo settings: every value comes from an environment variable with a safe local default."""

import datetime as dt
import os
from importlib.util import find_spec
from pathlib import Path

from csp.constants import NONE, SELF

from config.environment import BASE_DIR, TIME_ZONE, data_dir, database  # noqa: F401 (TIME_ZONE is a setting)
from config.secret_key import secret_key_from

DATA_DIR = data_dir()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    return default if raw is None else [item.strip() for item in raw.split(",") if item.strip()]


def meta_key(header: str) -> str:
    """Where Django's request.META holds an HTTP header ("X-Real-IP" → "HTTP_X_REAL_IP")."""
    return "HTTP_" + header.strip().upper().replace("-", "_") if header.strip() else ""


DEBUG = env_bool("CANBO_DEBUG", False)
# Never a committed key: without CANBO_SECRET_KEY, a random key made once in the data folder (0600).
SECRET_KEY = os.environ.get("CANBO_SECRET_KEY") or secret_key_from(DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("CANBO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",  # admin modules load with the URLs (config/urls.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "canbo.core",
    "canbo.audit",
    "canbo.org",
    "canbo.people",
    "canbo.accounts",
    "canbo.workflow",
    "canbo.documents",
    "canbo.jobs",
    "canbo.rules",
    "canbo.exchange",
    "canbo.reports",
    "canbo.rotation",
    "canbo.optimize",
    "canbo.ops",
    "csp",
    "canbo.training",
    "canbo.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "canbo.core.middleware.RefuseNulMiddleware",
    "canbo.audit.context.RequestAddressMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files answer here, cached, before the rest
    "canbo.core.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "canbo.core.middleware.SessionIdleMiddleware",
    "canbo.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "canbo.core.middleware.AsOfDateMiddleware",
    "canbo.core.middleware.DomainErrorMiddleware",
    "canbo.dashboard.middleware.WarmAfterWriteMiddleware",
]

ROOT_URLCONF = "config.urls"

# django-ninja's Swagger UI page and files (it ships them), found without importing django-ninja,
# which is not an installed app: importing it cost a third of every command's start-up.
NINJA_DIR = Path(find_spec("ninja").submodule_search_locations[0])

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "canbo" / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "canbo.core.context_processors.canbo",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {"default": database()}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "canbo" / "locale"]
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# The shared layout's own files (canbo/static/canbo/…), besides each app's static folder.
STATICFILES_DIRS = [BASE_DIR / "canbo" / "static", NINJA_DIR / "static"]
# Files people upload (none yet); `canbo backup` carries them with the database.
MEDIA_ROOT = DATA_DIR / "tep"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Progress of a job reported from inside its own transaction (canbo.jobs.live).
JOBS_PROGRESS_DIR = DATA_DIR / "viec"
# Long work a page starts (canbo.jobs) runs in a thread beside the requests; inline, it runs to its
# end within the request that starts it (the tests).
CANBO_JOBS_INLINE = os.environ.get("CANBO_JOBS_INLINE", "").lower() in ("1", "true", "yes")

# After a request that changed the data, the figures every home page sums are counted again in a
# thread beside the requests (canbo.dashboard.warm); the tests turn it off.
CANBO_WARM_AFTER_WRITE = env_bool("CANBO_WARM_AFTER_WRITE", True)
# Where the home page's figures must be counted over the whole workforce (after a write that may
# change everyone, until the warming ends), a province of at least this many cadres gets the page at
# once and its figures when counted (canbo.dashboard.views); a smaller one, counted within the page.
CANBO_HOME_COUNTED_APART = env_int("CANBO_HOME_COUNTED_APART", 5000)

# Documents attached to the steps of approval processes (canbo.workflow.files), and their size limit.
FILES_DIR = Path(os.environ.get("CANBO_FILES_DIR", DATA_DIR / "tep"))
FILE_MAX_BYTES = int(os.environ.get("CANBO_FILE_MAX_MB", "20")) * 1024 * 1024
# An exchange workbook uploaded on the import page (canbo.exchange.import_jobs), kept beside them.
WORKBOOK_MAX_BYTES = int(os.environ.get("CANBO_WORKBOOK_MAX_MB", "100")) * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CANBO_LOG_LEVEL", "WARNING")},
}

# --- Production: HTTPS behind a proxy, cookies, sessions, headers (docs/deploy.md) ------------------
# CANBO_PRODUCTION=1 turns every secure default on at once; each CANBO_… below overrides one value.
PRODUCTION = env_bool("CANBO_PRODUCTION", False)
SESSION_COOKIE_SECURE = env_bool("CANBO_SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CANBO_CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_SSL_REDIRECT = env_bool("CANBO_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("CANBO_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CANBO_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("CANBO_HSTS_PRELOAD", PRODUCTION)
# "Header-Name: value" the TLS proxy sets on requests that reached it over HTTPS (empty: none).
_proxy_header = os.environ.get("CANBO_PROXY_SSL_HEADER", "X-Forwarded-Proto: https" if PRODUCTION else "")
if _proxy_header:
    _name, _, _value = _proxy_header.partition(":")
    SECURE_PROXY_SSL_HEADER = (meta_key(_name), _value.strip())
# The header in which the proxy passes the client's address, recorded in the audit log (empty:
# the connection's own address, REMOTE_ADDR).
CLIENT_IP_HEADER = meta_key(os.environ.get("CANBO_CLIENT_IP_HEADER", "X-Real-IP" if PRODUCTION else ""))
# Origins a signed form may come from; in production https://<host> for every allowed host.
CSRF_TRUSTED_ORIGINS = env_list(
    "CANBO_CSRF_TRUSTED_ORIGINS",
    [f"https://{'*' if host.startswith('.') else ''}{host}" for host in ALLOWED_HOSTS if host != "*"]
    if PRODUCTION else [],
)
# Signed out after this many minutes without a request (canbo.core.middleware.SessionIdleMiddleware),
# and when the browser closes.
SESSION_IDLE_MINUTES = env_int("CANBO_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("CANBO_SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
# canbo serves all its scripts and styles from its own static files: no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# --- end of production settings ----------------------------------------------------------------
# ── Account security ─────────────────────────────────────────────────────────────────────────────
# Lockout after failed sign-ins (django-axes), the second factor (django-otp), password rules and
# API keys; docs/decisions.md, "Account security". Every setting of it is in this block.
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin.apps.SimpleAdminConfig")] = (
    "canbo.accounts.admin_config.AdminConfig"  # the admin signs in through canbo's sign-in page
)
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
_AUTHENTICATION = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_AUTHENTICATION + 1:_AUTHENTICATION + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "canbo.accounts.middleware.SecondFactorMiddleware",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes requires
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

# Argon2id (memory-hard) for new and changed passwords; a PBKDF2 hash is still read and replaced by
# Argon2 at its owner's next sign-in. Argon2 also costs a sign-in about a third less CPU.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "canbo.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed sign-ins: a name is locked from an address after AXES_FAILURE_LIMIT failures, an address
# for every name after CANBO_LOCKOUT_ADDRESS_FAILURES (canbo.accounts.lockout), for the cool-off.
AXES_FAILURE_LIMIT = int(os.environ.get("CANBO_LOCKOUT_FAILURES", "5"))
CANBO_LOCKOUT_ADDRESS_FAILURES = int(os.environ.get("CANBO_LOCKOUT_ADDRESS_FAILURES", "20"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("CANBO_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "canbo.audit.context.client_address"  # the proxy's header in production
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in canbo's change log
AXES_HANDLER = "canbo.accounts.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "canbo.accounts.lockout.locked_out_response"
# Who a locked-out user calls, shown on the sign-in page (e.g. "Phòng CNTT Ban Tổ chức, 0263…").
CANBO_SUPPORT_CONTACT = os.environ.get("CANBO_SUPPORT_CONTACT", "")

# The second factor (canbo.accounts.second_factor): required of the roles in
# canbo.core.capabilities.SECOND_FACTOR_ROLES and of staff; false only for a demo or a test.
CANBO_2FA_REQUIRED = env_bool("CANBO_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = "canbo"

# How long a new API key lasts unless its issuer says otherwise (canbo.accounts.tokens).
CANBO_API_KEY_DAYS = int(os.environ.get("CANBO_API_KEY_DAYS", "90"))

# Documents (DOCUMENTS.md): the layouts whose older margins are in force ("dang": 25/25/35/15 mm of the
# older Party handbook, instead of 20/20/30/15), and how long LibreOffice may take to make PDFs.
CANBO_DOCUMENT_OLDER_MARGINS = env_list("CANBO_DOCUMENT_OLDER_MARGINS", [])
CANBO_PDF_TIMEOUT = env_int("CANBO_PDF_TIMEOUT", 60)
CANBO_PDF_TIMEOUT_EACH = env_int("CANBO_PDF_TIMEOUT_EACH", 5)
# The longest list a page prints as DOCX and PDF (longer ones download as XLSX only).
CANBO_PRINTED_ROWS = env_int("CANBO_PRINTED_ROWS", 1000)
# The most personal history forms (Mẫu 2C) one download of a list may hold.
CANBO_2C_BATCH_MAX = env_int("CANBO_2C_BATCH_MAX", 100)
