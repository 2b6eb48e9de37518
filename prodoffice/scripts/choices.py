from __future__ import annotations

from django.db import models


class SceneChange(models.TextChoices):
    FIRST_DRAFT = "first", "First draft"
    UNCHANGED = "unchanged", "Unchanged"
    CHANGED = "changed", "Changed"
    MOVED = "moved", "Moved"
    ADDED = "added", "Added"
    OMITTED = "omitted", "Omitted"


class TagState(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
