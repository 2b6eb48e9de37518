from __future__ import annotations

from django.db import models


class VendorCategory(models.TextChoices):
    RENTALS = "rentals", "Equipment rentals"
    CAMERA = "camera", "Camera"
    GRIP_ELECTRIC = "grip_electric", "Grip & electric"
    SOUND = "sound", "Sound"
    CATERING = "catering", "Catering"
    CRAFT_SERVICE = "craft_service", "Craft service"
    TRANSPORT = "transport", "Transport"
    EXPENDABLES = "expendables", "Expendables"
    PROPS = "props", "Props"
    WARDROBE = "wardrobe", "Wardrobe"
    LOCATIONS = "locations", "Locations"
    TRAVEL = "travel", "Travel & hotels"
    POST = "post", "Post-production"
    INSURANCE = "insurance", "Insurance"
    OFFICE = "office", "Office"
    OTHER = "other", "Other"


class TaxIdKindChoices(models.TextChoices):
    SSN = "ssn", "SSN"
    EIN = "ein", "EIN"
    ITIN = "itin", "ITIN"
