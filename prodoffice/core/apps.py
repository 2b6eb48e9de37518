from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "prodoffice.core"
    label = "core"
    verbose_name = "Prodoffice core"
