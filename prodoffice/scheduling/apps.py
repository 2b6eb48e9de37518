from __future__ import annotations

from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "prodoffice.scheduling"
    label = "scheduling"
