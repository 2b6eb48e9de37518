from __future__ import annotations

from django.db import models

from prodoffice.domain.access import ROLE_LABELS, Role


class ProductionKind(models.TextChoices):
    FEATURE = "feature", "Feature film"
    SERIES = "series", "Series"
    COMMERCIAL = "commercial", "Commercial"
    MUSIC_VIDEO = "music_video", "Music video"
    PHOTO_SHOOT = "photo_shoot", "Photo shoot"
    EVENT = "event", "Event"


RoleChoices = models.TextChoices(  # type: ignore[misc]
    "RoleChoices", [(role.name, (role.value, ROLE_LABELS[role])) for role in Role]
)

# The departments a new production starts with, in call-sheet order; each production edits its own.
DEFAULT_DEPARTMENTS = [
    "Production",
    "Assistant Directors",
    "Cast",
    "Camera",
    "Grip",
    "Electric",
    "Sound",
    "Art",
    "Set Dressing",
    "Props",
    "Wardrobe",
    "Hair & Makeup",
    "Locations",
    "Transportation",
    "Catering & Craft Service",
    "Stunts",
    "Accounting",
    "Post-production",
]
CAST_DEPARTMENT = "Cast"
