from __future__ import annotations

from django.conf import settings
from django.db import models

from prodoffice.core.models import TimeStamped
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.models import Production
from prodoffice.scripts.models import BreakdownElement, Scene, ScriptRevision

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
    # The pace the day's hours are estimated with, and the most hours a day may be planned.
    minutes_per_page = models.PositiveIntegerField(default=120)
    us_holidays = models.BooleanField(default=True)  # federal holidays stay dark
    max_hours_per_day = models.PositiveSmallIntegerField(default=12)
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
        if self.number:
            return f"Day {self.number}"
        name = {DayKind.OFF: "Day off", DayKind.TRAVEL: "Travel day"}.get(
            DayKind(self.kind), self.get_kind_display()
        )
        return f"{name}, {self.date:%a %b %-d}"


class Strip(models.Model):
    """A scene on the stripboard: on a shoot day, or in the boneyard when `day` is empty."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="strips")
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="+")
    day = models.ForeignKey(
        ShootDay, on_delete=models.SET_NULL, null=True, blank=True, related_name="strips"
    )
    order = models.PositiveIntegerField()
    must_shoot_by = models.DateField(null=True, blank=True)
    # Strips with the same label are shot on the same day (a scene split in two, a stunt rig).
    together = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["schedule", "day__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "scene"], name="one_strip_per_scene")
        ]

    def __str__(self) -> str:
        return f"{self.scene} on {self.day or 'the boneyard'}"


class Banner(models.Model):
    """A line across the board at the head of a day: a note, or a company move."""

    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        MOVE = "move", "Company move"

    day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="banners")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NOTE)
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["day", "pk"]

    def __str__(self) -> str:
        return self.text


class SetLocation(models.Model):
    """Where a set is shot: several sets (KITCHEN, HALLWAY) often share one location."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    set_name = models.CharField(max_length=200)
    location = models.CharField(max_length=200)

    class Meta:
        ordering = ["location", "set_name"]
        constraints = [
            models.UniqueConstraint(fields=["production", "set_name"], name="one_location_per_set")
        ]

    def __str__(self) -> str:
        return f"{self.set_name} at {self.location}"


class Unavailability(models.Model):
    """Dates a performer cannot work, or a location cannot be had (a conflict, a hold elsewhere)."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    element = models.ForeignKey(
        BreakdownElement, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    location = models.CharField(max_length=200, blank=True)
    first_date = models.DateField()
    last_date = models.DateField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["first_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(element__isnull=False, location="")
                | models.Q(element__isnull=True, location__gt=""),
                name="unavailability_of_one_thing",
            ),
            models.CheckConstraint(
                condition=models.Q(last_date__gte=models.F("first_date")),
                name="unavailability_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        who = self.element.name if self.element else self.location
        return f"{who} unavailable {self.first_date} to {self.last_date}"


class OptimizerRun(TimeStamped):
    """One run of the schedule optimizer in the background: progress, result, and its fate."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        ACCEPTED = "accepted", "Accepted"

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    time_limit = models.PositiveIntegerField(default=60)
    stop_requested = models.BooleanField(default=False)
    seconds = models.FloatField(default=0)
    best_cost = models.BigIntegerField(null=True, blank=True)
    lower_bound = models.BigIntegerField(null=True, blank=True)
    optimal = models.BooleanField(default=False)
    # The proposal: {"days": {day pk: [strip pks in order]}, "unscheduled": [strip pks]}.
    result = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True)
    accepted_as = models.ForeignKey(
        Schedule, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Optimizer run on {self.schedule} ({self.status})"
