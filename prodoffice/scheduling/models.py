from __future__ import annotations

from django.conf import settings
from django.db import models

from prodoffice.core.models import TimeStamped
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.models import Production
from prodoffice.scripts.models import Scene, ScriptRevision

DAY_KINDS = [(kind.value, kind.value.capitalize()) for kind in DayKind]


class Schedule(TimeStamped):
    """A version of the shooting schedule: scenes ordered into shoot days."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="schedules")
    name = models.CharField(max_length=120)
    revision = models.ForeignKey(ScriptRevision, on_delete=models.RESTRICT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_current = models.BooleanField(default=False)
    start_date = models.DateField()
    eighths_per_day = models.PositiveIntegerField(default=40)  # 5 pages, a common indie day
    # Bumped by every change; an edit made against an older version is refused, not merged.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-is_current", "-created_at"]

    def __str__(self) -> str:
        return self.name


class ShootDay(models.Model):
    """A day of the schedule: a shoot day (numbered), a day off, a holiday or a travel day."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="days")
    order = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=DAY_KINDS, default=DayKind.SHOOT)
    number = models.PositiveIntegerField(null=True, blank=True)
    date = models.DateField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["schedule", "order"]

    def __str__(self) -> str:
        return f"Day {self.number}" if self.number else f"{self.get_kind_display()} {self.date}"


class Strip(models.Model):
    """A scene on the stripboard: on a shoot day, or in the boneyard when `day` is empty."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="strips")
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="+")
    day = models.ForeignKey(
        ShootDay, on_delete=models.SET_NULL, null=True, blank=True, related_name="strips"
    )
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["schedule", "day__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "scene"], name="one_strip_per_scene")
        ]

    def __str__(self) -> str:
        return f"{self.scene} on {self.day or 'the boneyard'}"
