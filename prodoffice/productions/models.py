from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from prodoffice.core.models import TimeStamped
from prodoffice.productions.choices import ProductionKind, RoleChoices

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


# Python's weekday numbers, in English whatever the server's locale (calendar.day_name is not).
WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


class ProductionQuerySet(models.QuerySet["Production"]):
    def for_user(self, user: AbstractBaseUser | AnonymousUser) -> ProductionQuerySet:
        """The productions this user is a member of; everything else does not exist for them."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Production(TimeStamped):
    """A film, series, commercial or shoot the office runs, from prep to wrap."""

    code = models.CharField(max_length=12, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ProductionKind.choices)
    time_zone = models.CharField(max_length=64, default="America/Los_Angeles")
    currency = models.CharField(max_length=3, default="USD")
    prep_start = models.DateField(null=True, blank=True)
    shoot_start = models.DateField(null=True, blank=True)
    shoot_end = models.DateField(null=True, blank=True)
    wrap_end = models.DateField(null=True, blank=True)
    # Script revision colours in order; empty means the industry's (White, Blue, Pink ...).
    revision_colors = models.JSONField(default=list, blank=True)
    # Work rules the schedule is checked against (the production's deals; the defaults are
    # SAG-AFTRA's 12 h rest for cast, the IATSE 10 h for crew, and the common 10-day gap a
    # performer must be off before a drop and pick-up saves their pay).
    cast_rest_hours = models.PositiveSmallIntegerField(default=12)
    crew_rest_hours = models.PositiveSmallIntegerField(default=10)
    drop_minimum_days = models.PositiveSmallIntegerField(default=10)
    # The payroll week weekly overtime and 6th/7th days are counted in: a weekday, Monday 0.
    # Sunday is the common US payroll week; California lets an employer fix any 7-day week.
    workweek_starts = models.PositiveSmallIntegerField(choices=WEEKDAYS, default=6)
    # Agreements (rule-set ids: "iatse", "sag-aftra") this production has not signed: their
    # members are costed under the non-union rules here. Empty: signatory to every agreement
    # Prodoffice has rules for.
    not_signatory_to = models.JSONField(default=list, blank=True)

    objects = ProductionQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"


class Membership(TimeStamped):
    """A user's place on a production: the role decides what they may see and do."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=RoleChoices.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["production", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} on {self.production.code}"


class Department(models.Model):
    """A department of the production (Camera, Grip, Wardrobe ...), in call-sheet order."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(max_length=80)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["production", "name"], name="unique_department_name")
        ]

    def __str__(self) -> str:
        return self.name
