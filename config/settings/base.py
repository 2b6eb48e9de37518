"""Prodoffice settings. Everything that varies comes from the environment (see README)."""

from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet

from config.env import (
    database_from_url,
    email_from_url,
    env_bool,
    env_int,
    env_list,
    env_seconds,
    env_str,
    proxy_ssl_header,
    random_secret,
    secret_from_file,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env_str("PRODOFFICE_DATA_DIR", str(BASE_DIR))).resolve()
VAR_DIR = DATA_DIR / "var"

DEBUG = env_bool("PRODOFFICE_DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", "") or secret_from_file(VAR_DIR / "secret.key", random_secret)
# Tax IDs are encrypted with this Fernet key; losing it makes stored tax IDs unreadable.
FERNET_KEY = env_str("FERNET_KEY", "") or secret_from_file(
    VAR_DIR / "fernet.key", lambda: Fernet.generate_key().decode()
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # Before django_tasks_db: its `db_worker` command is prodoffice's, with a sign of life.
    "prodoffice.core",
    "django_tasks",
    "django_tasks_db",
    # "ninja" here makes the API docs page use the bundled Swagger assets, not a CDN.
    "ninja",
    "prodoffice.productions",
    "prodoffice.people",
    "prodoffice.vendors",
    "prodoffice.scripts",
    "prodoffice.scheduling",
    "prodoffice.locations",
    "prodoffice.callsheets",
    "prodoffice.reports",
    "prodoffice.api",
    "prodoffice.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise: static files keep their long cache and need no policy.
    "prodoffice.core.middleware.SecurityHeaders",
    # Outside every middleware that can refuse a request (CSRF, sessions, throttling), so that
    # their refusals under /api/ are JSON too.
    "prodoffice.api.middleware.ApiAnswersInJson",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "prodoffice.core.middleware.RefuseNulCharacters",
    "prodoffice.core.middleware.AnswerThrottled",
    "prodoffice.core.middleware.AnswerDatabaseBusy",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "prodoffice.productions.context.current_production",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'prodoffice.sqlite3'}")
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web workers read while the background worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The background worker writes a sign of life this often, and then takes back the e-mails a
# dead worker claimed more than SENDING_STALE_SECONDS ago (prodoffice/core/worker.py).
WORKER_BEAT_SECONDS = env_seconds("WORKER_BEAT_SECONDS", 10)
SENDING_STALE_SECONDS = env_seconds("SENDING_STALE_SECONDS", 600)

OUTBOX_DIR = VAR_DIR / "outbox"
globals().update(email_from_url(env_str("EMAIL_URL", ""), OUTBOX_DIR))
# Text messages go through a gateway class (prodoffice/callsheets/sms.py); none by default.
SMS_BACKEND = env_str("SMS_BACKEND", "")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Prodoffice <office@prodoffice.invalid>")

MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it; collectstatic fills it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the apps' static folders: no collectstatic step before `make run`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

# Behind TLS (README, "Deploying behind TLS"); all off by default so `make run` works on http.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", default=False)
# The proxy in front terminates TLS and says so in this header (e.g. X-Forwarded-Proto); only
# set it when the proxy always sets or overwrites the header, or a client could claim https.
SECURE_PROXY_SSL_HEADER = proxy_ssl_header("PROXY_SSL_HEADER")
# Where a proxy writes the client's address (X-Forwarded-For): wrong passwords and links are
# counted per address, and behind a proxy without it every client would share the proxy's.
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "")
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=False)
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_links": {"()": "prodoffice.core.log_masking.MaskPersonalLinks"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_links"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
