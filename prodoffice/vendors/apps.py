from __future__ import annotations

from django.apps import AppConfig


class VendorsConfig(AppConfig):
    name = "prodoffice.vendors"
    label = "vendors"
