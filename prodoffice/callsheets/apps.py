from __future__ import annotations

from django.apps import AppConfig


class CallsheetsConfig(AppConfig):
    name = "prodoffice.callsheets"
    default_auto_field = "django.db.models.BigAutoField"
