from __future__ import annotations

from django.db import models


class RateUnit(models.TextChoices):
    HOUR = "hour", "per hour"
    DAY = "day", "per day"
    WEEK = "week", "per week"
    FLAT = "flat", "flat"


class EngagementStatus(models.TextChoices):
    OFFERED = "offered", "Offered"
    CONFIRMED = "confirmed", "Confirmed"
    STARTED = "started", "Started"
    WRAPPED = "wrapped", "Wrapped"


class TaxForm(models.TextChoices):
    NONE = "", "—"
    W4 = "w4", "W-4 (employee)"
    W9 = "w9", "W-9 (contractor)"
