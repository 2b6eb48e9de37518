"""Test settings: the base settings, with fast hashing and mail kept in memory."""

from __future__ import annotations

from config.settings.base import *  # noqa: F403  (the one place a star import is the point)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True
