from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "prodoffice.api"
    label = "api"
    verbose_name = "API"
