from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from prodoffice.core.models import TimeStamped
from prodoffice.domain.screenplay.revisions import revision_swatch
from prodoffice.people.models import Engagement
from prodoffice.productions.models import Production
from prodoffice.scripts.choices import SceneChange, TagState


class Script(TimeStamped):
    """A screenplay the production shoots from, through all its drafts."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="scripts")
    title = models.CharField(max_length=200)
    # Once locked, scene numbers never change: inserts become 12A, cuts stay as OMITTED.
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class ScriptRevision(models.Model):
    """One draft of the script as imported: White, then Blue, Pink ... revisions."""

    script = models.ForeignKey(Script, on_delete=models.CASCADE, related_name="revisions")
    sequence = models.PositiveIntegerField()  # 0 for the first (White) draft
    color = models.CharField(max_length=40)
    filename = models.CharField(max_length=255)
    format = models.CharField(max_length=10)
    encoding = models.CharField(max_length=20)
    source = models.TextField()  # the file as decoded text, to show and search
    # The file exactly as uploaded: drafts are re-read from it to compare with the next one.
    original = models.BinaryField()
    pages = models.PositiveIntegerField()
    eighths = models.PositiveIntegerField()
    warnings = models.JSONField(default=list)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["script", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["script", "sequence"], name="one_revision_per_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.script} — {self.color}"

    @property
    def color_hex(self) -> str:
        return revision_swatch(self.color) or "#ffffff"


class Scene(models.Model):
    """A scene of one draft: number, heading, length in eighths, who speaks."""

    revision = models.ForeignKey(ScriptRevision, on_delete=models.CASCADE, related_name="scenes")
    order = models.PositiveIntegerField()
    number = models.CharField(max_length=12, blank=True)
    heading = models.CharField(max_length=300)
    int_ext = models.CharField("INT/EXT", max_length=8, blank=True)
    set_name = models.CharField("set", max_length=200, blank=True)
    time_of_day = models.CharField(max_length=40, blank=True)
    page = models.PositiveIntegerField(default=1)
    eighths = models.PositiveIntegerField(default=1)
    synopsis = models.TextField(blank=True)
    characters = models.JSONField(default=list)
    # The printed text, one element per paragraph, for breakdown highlighting and diffs.
    body = models.JSONField(default=list)
    change = models.CharField(
        max_length=10, choices=SceneChange.choices, default=SceneChange.FIRST_DRAFT
    )
    # The same scene in the draft before, when it was matched: the diff and breakdown come from it.
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_needed = models.BooleanField(default=False)

    class Meta:
        ordering = ["revision", "order"]
        indexes = [models.Index(fields=["revision", "number"])]

    def __str__(self) -> str:
        return f"{self.number or '—'} {self.heading}"

    @property
    def omitted(self) -> bool:
        return self.change == SceneChange.OMITTED

    @property
    def length(self) -> str:
        """Eighths as a coordinator writes them: 1 3/8."""
        whole, part = divmod(self.eighths, 8)
        if not part:
            return str(whole)
        return f"{whole} {part}/8" if whole else f"{part}/8"


class BreakdownElement(models.Model):
    """Something a scene needs, in a breakdown category: a prop, a vehicle, a cast member."""

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="breakdown_elements"
    )
    category = models.CharField(max_length=30)
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200)  # name folded, for matching "revolver" to "REVOLVER"
    cast = models.ForeignKey(
        Engagement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "category", "key"], name="one_element_per_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.category})"


class SceneElement(models.Model):
    """An element tagged in a scene, with where in the text it was found."""

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="tags")
    element = models.ForeignKey(BreakdownElement, on_delete=models.CASCADE, related_name="tags")
    state = models.CharField(max_length=10, choices=TagState.choices, default=TagState.SUGGESTED)
    paragraph = models.IntegerField(null=True, blank=True)  # index into Scene.body
    start = models.IntegerField(null=True, blank=True)
    end = models.IntegerField(null=True, blank=True)
    reason = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scene", "element"], name="one_tag_per_scene_element")
        ]

    def __str__(self) -> str:
        return f"{self.element} in {self.scene}"


# A render writes nothing until it is done; past this, a "running" file's worker has died.
RENDER_STALLED_AFTER = timedelta(minutes=10)


class DraftPdf(TimeStamped):
    """A long draft's breakdown sheets or revision report as a PDF, made by the background worker.

    typst takes about 20 ms a breakdown sheet, so a 400-scene draft is 7-8 s of work, and the
    revision report of a whole rewrite 3-4 s: too long for a web request. The file is kept for
    the data it was made from (`key`), so asking again for an unchanged document hands over
    the same file instead of rendering it again.
    """

    class Kind(models.TextChoices):
        BREAKDOWN = "breakdown", "Breakdown sheets"
        REVISIONS = "revisions", "Revision report"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the background worker"
        RUNNING = "running", "Rendering"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    revision = models.ForeignKey(
        ScriptRevision, on_delete=models.CASCADE, related_name="draft_pdfs"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BREAKDOWN)
    key = models.CharField(max_length=64, db_index=True)  # SHA-256 of the document's data
    data = models.JSONField(default=dict, blank=True)  # what typst renders; cleared once done
    sheets = models.PositiveIntegerField(default=0)  # scenes printed: sheets or changed scenes
    filename = models.CharField(max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    content = models.BinaryField(default=b"")
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def stalled(self) -> bool:
        quiet_since = timezone.now() - RENDER_STALLED_AFTER
        return self.status == self.Status.RUNNING and self.updated_at < quiet_since

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING) and not self.stalled
