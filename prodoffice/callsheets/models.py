"""Call sheets: one per shoot day, built from the current schedule, then edited and issued."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from prodoffice.core.models import OutgoingEmail, TimeStamped
from prodoffice.people.models import Engagement
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule, ShootDay
from prodoffice.scripts.models import Scene


class CallSheet(TimeStamped):
    """The call sheet of one shoot day. Edits after publishing make the next version."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="call_sheets")
    day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="call_sheets")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    crew_call = models.TimeField()  # the general crew call
    shooting_call = models.TimeField()
    weather = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)  # special instructions, safety, anything else
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["day__date"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "day"], name="one_call_sheet_per_day")
        ]

    def __str__(self) -> str:
        return f"Call sheet, day {self.day.number}"


class CallSheetScene(models.Model):
    """A scene to shoot that day, as the sheet prints it (kept when the schedule moves on)."""

    call_sheet = models.ForeignKey(CallSheet, on_delete=models.CASCADE, related_name="scenes")
    scene = models.ForeignKey(Scene, on_delete=models.SET_NULL, null=True, related_name="+")
    order = models.PositiveIntegerField()
    number = models.CharField(max_length=12, blank=True)
    int_ext = models.CharField(max_length=8, blank=True)
    set_name = models.CharField(max_length=200, blank=True)
    time_of_day = models.CharField(max_length=40, blank=True)
    eighths = models.PositiveIntegerField(default=1)
    cast_numbers = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    synopsis = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["call_sheet", "order"]

    def __str__(self) -> str:
        return f"Scene {self.number}"


class Call(models.Model):
    """One person's call on the sheet: cast with their pickup and make-up, crew by department."""

    call_sheet = models.ForeignKey(CallSheet, on_delete=models.CASCADE, related_name="calls")
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="calls")
    call_time = models.TimeField(null=True, blank=True)  # None: not called (e.g. on hold)
    status = models.CharField(max_length=4, blank=True)  # the DOOD code for cast: SW, W, H ...
    pickup_time = models.TimeField(null=True, blank=True)
    pickup_place = models.CharField(max_length=200, blank=True)
    makeup_time = models.TimeField(null=True, blank=True)
    wardrobe_time = models.TimeField(null=True, blank=True)
    on_set_time = models.TimeField(null=True, blank=True)
    remarks = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["call_sheet", "engagement__cast_number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_sheet", "engagement"], name="one_call_per_person_per_sheet"
            )
        ]

    def __str__(self) -> str:
        return f"{self.engagement} at {self.call_time}"


class Issue(TimeStamped):
    """One publishing of a call sheet version, and the PDF everyone was sent with it."""

    call_sheet = models.ForeignKey(CallSheet, on_delete=models.CASCADE, related_name="issues")
    version = models.PositiveIntegerField()
    revised = models.BooleanField(default=False)
    pdf = models.BinaryField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["call_sheet", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["call_sheet", "version"], name="one_issue_a_version")
        ]

    def __str__(self) -> str:
        return f"{self.call_sheet}, version {self.version}"


class Delivery(OutgoingEmail):
    """One person's copy of an issue: the e-mail sent to them, and their confirmation."""

    production_path = "issue__call_sheet__production"
    sending_task = "prodoffice.callsheets.services.distribution.send_issue"
    batch_field = "issue"
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="+")
    # What this person's part of the sheet said: unchanged in the next version, no re-send.
    fingerprint = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["issue", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "engagement"], name="one_delivery_per_person_per_issue"
            )
        ]
        indexes = [models.Index(fields=["status"], name="delivery_status")]

    def __str__(self) -> str:
        return f"{self.issue} to {self.engagement}"
