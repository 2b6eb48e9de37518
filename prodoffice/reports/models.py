"""Daily production reports: the official record of one shoot day, started from its call sheet."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from prodoffice.callsheets.models import CallSheet
from prodoffice.core.models import OutgoingEmail, TimeStamped
from prodoffice.people.models import Engagement
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import ShootDay
from prodoffice.scripts.models import Scene


class DailyReport(TimeStamped):
    """The DPR of one shoot day: what was shot, the day's times, everyone's in and out, notes."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    call_sheet = models.OneToOneField(CallSheet, on_delete=models.CASCADE, related_name="report")
    day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="reports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Datetimes, not times: a camera wrap past midnight is on the next date, the day goes on.
    first_shot = models.DateTimeField(null=True, blank=True)
    camera_wrap = models.DateTimeField(null=True, blank=True)
    last_out = models.DateTimeField(null=True, blank=True)
    setups = models.PositiveIntegerField(default=0)
    script_minutes = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    delays = models.TextField(blank=True)
    accidents = models.TextField(blank=True)  # accidents and injuries
    equipment = models.TextField(blank=True)  # equipment failures
    location_damage = models.TextField(blank=True)
    other = models.TextField(blank=True)
    # As it was last sent: without money (for anyone), and with pay and penalties for those
    # who see rates (an hourly rate reads through a meal premium: "one hour's pay $105").
    published_pdf = models.BinaryField(null=True, blank=True)
    published_costed_pdf = models.BinaryField(null=True, blank=True)
    # How many times it was sent (a correction is sent again), when last, and whether anything
    # was changed since: then the page offers to publish the correction.
    version = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(null=True, blank=True)
    changed_since_sent = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    # The PDFs are kept as sent, not history: the costed one would tell its rates to any reader.
    history_ignored_fields = ("published_pdf", "published_costed_pdf")

    class Meta:
        ordering = ["day__date"]

    def __str__(self) -> str:
        return f"Production report, day {self.day.number}"


class ReportScene(models.Model):
    """A scene the call sheet scheduled (or one added on the day) and what became of it."""

    class Result(models.TextChoices):
        COMPLETE = "complete", "Complete"
        PARTIAL = "partial", "Partial"
        NOT_SHOT = "not_shot", "Not shot"

    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="scenes")
    scene = models.ForeignKey(Scene, on_delete=models.SET_NULL, null=True, related_name="+")
    order = models.PositiveIntegerField()
    number = models.CharField(max_length=12, blank=True)
    set_name = models.CharField(max_length=200, blank=True)
    eighths = models.PositiveIntegerField(default=1)  # as scheduled on the call sheet
    # Empty until the day is reported: not yet known is not the same as not shot.
    result = models.CharField(max_length=10, choices=Result.choices, blank=True)
    eighths_shot = models.PositiveIntegerField(default=0)
    setups = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)
    # Added on the day (not on the call sheet); a retake reshoots a scene completed on an earlier
    # day: its pages were credited then, so they are not counted again.
    added = models.BooleanField(default=False)
    retake = models.BooleanField(default=False)

    class Meta:
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return f"Scene {self.number}"


class TimeEntry(models.Model):
    """One person's times on the day, as the DPR records them; empty is missing.

    Everyone has in (call), meals and out (wrap), which the work rules cost. Cast also have the
    times of the performer's day in between: picked up, in make-up and wardrobe, on set and
    dismissed from the set; these are recorded, and checked to run in order, not costed.
    """

    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="entries")
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=6, blank=True)  # W, H, SW, WF, SWF, T ...
    pickup = models.DateTimeField(null=True, blank=True)
    call = models.DateTimeField(null=True, blank=True)  # in: reported (arrived)
    makeup = models.DateTimeField(null=True, blank=True)  # into make-up and wardrobe
    on_set = models.DateTimeField(null=True, blank=True)
    dismissed_set = models.DateTimeField(null=True, blank=True)  # dismissed on set
    ndb_start = models.DateTimeField(null=True, blank=True)  # non-deductible breakfast
    ndb_end = models.DateTimeField(null=True, blank=True)
    meal1_start = models.DateTimeField(null=True, blank=True)
    meal1_end = models.DateTimeField(null=True, blank=True)
    meal2_start = models.DateTimeField(null=True, blank=True)
    meal2_end = models.DateTimeField(null=True, blank=True)
    wrap = models.DateTimeField(null=True, blank=True)  # out / dismissed
    remarks = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["report", "engagement__cast_number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "engagement"], name="one_time_entry_per_person_per_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.engagement} on {self.report}"


class BackgroundGroup(models.Model):
    """Background (extras) of one kind on the day: how many, and their call, meal and wrap."""

    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="background")
    description = models.CharField(max_length=120)  # "Diner patrons", "Stand-ins"
    count = models.PositiveIntegerField()
    call = models.DateTimeField(null=True, blank=True)
    meal_start = models.DateTimeField(null=True, blank=True)
    meal_end = models.DateTimeField(null=True, blank=True)
    wrap = models.DateTimeField(null=True, blank=True)
    remarks = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return f"{self.count} {self.description}"


class MediaUsed(models.Model):
    """Cards, drives or rolls one camera or recorder used on the day."""

    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="media")
    device = models.CharField(max_length=60)  # "A camera", "Sound"
    count = models.PositiveIntegerField()  # cards or rolls
    gigabytes = models.DecimalField(max_digits=9, decimal_places=1, null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return f"{self.device}: {self.count}"


class ReportDelivery(OutgoingEmail):
    """The published report e-mailed to one producer or department head."""

    production_path = "report__production"
    sending_task = "prodoffice.reports.publishing.send_report"
    batch_field = "report"
    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="deliveries")
    name = models.CharField(max_length=200)
    version = models.PositiveIntegerField(default=1)  # 2 and on: a correction
    costed = models.BooleanField(default=False)  # the PDF with money: the reader sees rates

    class Meta:
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return f"{self.report} to {self.name}"
