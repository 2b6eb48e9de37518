from __future__ import annotations

from django.apps import AppConfig


class ScriptsConfig(AppConfig):
    name = "prodoffice.scripts"
    label = "scripts"
