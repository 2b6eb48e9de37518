from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from prodoffice.core.models import TimeStamped
from prodoffice.productions.models import Production


class Location(TimeStamped):
    """A place the company shoots at: where to go, where to park, and the nearest hospital."""

    history_ignored_fields = ("name_key",)

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200)
    # The name folded (case, accents, spaces), so "Blue Mesa Diner" is the script's
    # BLUE MESA DINER and cannot be entered twice; unique per production.
    name_key = models.CharField(max_length=200, editable=False)
    address = models.TextField(blank=True)
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    contact_name = models.CharField("location contact", max_length=120, blank=True)
    contact_phone = models.CharField("contact phone", max_length=40, blank=True)
    parking = models.TextField(blank=True)
    crew_parking = models.TextField(blank=True)
    basecamp = models.TextField(blank=True)
    hospital_name = models.CharField("nearest hospital", max_length=200, blank=True)
    hospital_address = models.TextField("hospital address", blank=True)
    hospital_phone = models.CharField("hospital phone", max_length=40, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["production", "name_key"], name="unique_location_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
